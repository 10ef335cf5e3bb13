resource "aws_neptune_cluster" "graph" {
  cluster_identifier = "graph"
  storage_encrypted  = true
}

resource "aws_neptune_cluster_instance" "default" {
  cluster_identifier = aws_neptune_cluster.graph.id
  instance_class     = "db.r6g.large"
}

resource "aws_neptune_cluster_instance" "private" {
  cluster_identifier  = aws_neptune_cluster.graph.id
  instance_class      = "db.r6g.large"
  publicly_accessible = false
}
