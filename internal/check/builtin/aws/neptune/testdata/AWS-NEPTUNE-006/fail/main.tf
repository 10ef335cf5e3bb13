resource "aws_neptune_cluster" "default" { # want: AWS-NEPTUNE-006
  cluster_identifier = "graph"
}

resource "aws_neptune_cluster" "explicit" {
  cluster_identifier  = "graph-explicit"
  deletion_protection = false # want: AWS-NEPTUNE-006
}
