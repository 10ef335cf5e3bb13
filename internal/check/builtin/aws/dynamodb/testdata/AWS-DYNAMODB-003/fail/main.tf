resource "aws_dax_cluster" "cache" { # want: AWS-DYNAMODB-003
  cluster_name       = "cache"
  iam_role_arn       = "arn:aws:iam::123456789012:role/dax"
  node_type          = "dax.r5.large"
  replication_factor = 3
}

resource "aws_dax_cluster" "legacy" {
  cluster_name       = "legacy"
  iam_role_arn       = "arn:aws:iam::123456789012:role/dax"
  node_type          = "dax.r5.large"
  replication_factor = 3

  server_side_encryption {
    enabled = false # want: AWS-DYNAMODB-003
  }
}
