resource "aws_kms_key" "redshift" {
  description         = "Redshift"
  enable_key_rotation = true
}

# The key's ARN is only known after apply, but it is a key this configuration
# creates: a customer managed key.
resource "aws_redshift_cluster" "dw" {
  cluster_identifier     = "dw"
  encrypted              = true
  kms_key_id             = aws_kms_key.redshift.arn
  node_type              = "ra3.xlplus"
  number_of_nodes        = 2
  master_username        = "admin"
  manage_master_password = true
}

resource "aws_redshiftserverless_namespace" "analytics" {
  namespace_name = "analytics"
  kms_key_id     = aws_kms_key.redshift.arn
}
