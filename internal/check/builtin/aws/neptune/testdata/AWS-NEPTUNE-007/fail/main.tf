resource "aws_neptune_cluster" "graph" {
  cluster_identifier                  = "graph"
  engine_version                      = "1.4.6.0"
  storage_encrypted                   = true
  iam_database_authentication_enabled = true
}

resource "aws_neptune_cluster_instance" "public" {
  count               = 2 # one finding per instance
  identifier          = "graph-${count.index}"
  cluster_identifier  = aws_neptune_cluster.graph.id
  instance_class      = "db.r6g.large"
  publicly_accessible = true # want: AWS-NEPTUNE-007, AWS-NEPTUNE-007
}
