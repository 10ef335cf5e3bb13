resource "aws_neptune_cluster" "none" { # want: AWS-NEPTUNE-003
  cluster_identifier = "graph"
  storage_encrypted  = true
}

resource "aws_neptune_cluster" "slow" {
  cluster_identifier             = "graph-slow"
  storage_encrypted              = true
  enable_cloudwatch_logs_exports = ["slowquery"] # want: AWS-NEPTUNE-003
}
