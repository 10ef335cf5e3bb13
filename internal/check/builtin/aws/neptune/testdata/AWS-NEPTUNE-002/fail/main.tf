resource "aws_neptune_cluster" "aws_managed" { # want: AWS-NEPTUNE-002
  cluster_identifier = "graph"
  storage_encrypted  = true
}

resource "aws_neptune_cluster" "alias" {
  cluster_identifier = "graph-alias"
  storage_encrypted  = true
  kms_key_arn        = "arn:aws:kms:eu-west-1:111122223333:alias/aws/rds" # want: AWS-NEPTUNE-002
}
