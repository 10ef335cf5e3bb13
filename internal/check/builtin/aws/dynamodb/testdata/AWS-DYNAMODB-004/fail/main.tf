resource "aws_dax_cluster" "cache" { # want: AWS-DYNAMODB-004
  cluster_name       = "cache"
  iam_role_arn       = "arn:aws:iam::123456789012:role/dax"
  node_type          = "dax.r5.large"
  replication_factor = 3
}

resource "aws_dax_cluster" "legacy" {
  cluster_name                     = "legacy"
  cluster_endpoint_encryption_type = "NONE" # want: AWS-DYNAMODB-004
  iam_role_arn       = "arn:aws:iam::123456789012:role/dax"
  node_type          = "dax.r5.large"
  replication_factor = 3
}
