resource "aws_neptune_cluster" "default" { # want: AWS-NEPTUNE-004
  cluster_identifier = "graph"
  storage_encrypted  = true
}

resource "aws_neptune_cluster" "explicit" {
  cluster_identifier                  = "graph-explicit"
  storage_encrypted                   = true
  iam_database_authentication_enabled = false # want: AWS-NEPTUNE-004
}
