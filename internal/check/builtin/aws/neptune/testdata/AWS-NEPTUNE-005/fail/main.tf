resource "aws_neptune_cluster" "default" { # want: AWS-NEPTUNE-005
  cluster_identifier = "graph"
}

resource "aws_neptune_cluster" "short" {
  cluster_identifier      = "graph-short"
  backup_retention_period = 3 # want: AWS-NEPTUNE-005
}
