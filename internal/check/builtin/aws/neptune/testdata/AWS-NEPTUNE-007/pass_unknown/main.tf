variable "public" {
  type = bool
}

resource "aws_neptune_cluster_instance" "graph" {
  cluster_identifier  = "graph"
  instance_class      = "db.r6g.large"
  publicly_accessible = var.public
}
