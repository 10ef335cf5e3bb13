variable "kms_key_id" {
  type = string
}

resource "aws_redshift_cluster" "dw" {
  cluster_identifier          = "dw"
  encrypted                   = true
  kms_key_id                  = var.kms_key_id
  node_type                   = "ra3.xlplus"
  number_of_nodes             = 2
  master_username             = "admin"
  manage_master_password      = true
}

resource "aws_redshiftserverless_namespace" "analytics" {
  namespace_name = "analytics"
  kms_key_id     = var.kms_key_id
}
