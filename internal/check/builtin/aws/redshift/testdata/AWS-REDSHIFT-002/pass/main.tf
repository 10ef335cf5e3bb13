resource "aws_redshift_cluster" "dw" {
  cluster_identifier          = "dw"
  encrypted                   = true
  kms_key_id                  = "arn:aws:kms:eu-west-1:123456789012:key/0f6b2f7e-1111-2222-3333-444455556666"
  node_type                   = "ra3.xlplus"
  number_of_nodes             = 2
  master_username             = "admin"
  manage_master_password      = true
}

resource "aws_redshiftserverless_namespace" "analytics" {
  namespace_name = "analytics"
  kms_key_id     = "arn:aws:kms:eu-west-1:123456789012:key/0f6b2f7e-1111-2222-3333-444455556666"
}
