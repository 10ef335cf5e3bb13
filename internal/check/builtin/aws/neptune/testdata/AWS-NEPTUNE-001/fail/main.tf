resource "aws_neptune_cluster" "default" { # want: AWS-NEPTUNE-001
  cluster_identifier                  = "graph"
  engine                              = "neptune"
  iam_database_authentication_enabled = true
}

resource "aws_neptune_cluster" "explicit" {
  cluster_identifier = "graph-explicit"
  storage_encrypted  = false # want: AWS-NEPTUNE-001
}
