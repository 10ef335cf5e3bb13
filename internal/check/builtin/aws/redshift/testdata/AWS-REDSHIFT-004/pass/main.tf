resource "aws_redshift_cluster" "dw" {
  cluster_identifier          = "dw"
  node_type                   = "ra3.xlplus"
  number_of_nodes             = 2
  master_username             = "admin"
  manage_master_password      = true
}

resource "aws_redshift_logging" "dw" {
  cluster_identifier   = aws_redshift_cluster.dw.id
  log_destination_type = "cloudwatch"
  log_exports          = ["connectionlog", "userlog", "useractivitylog"]
}

resource "aws_redshift_cluster" "legacy" {
  cluster_identifier          = "legacy"
  node_type                   = "ra3.xlplus"
  number_of_nodes             = 2
  master_username             = "admin"
  manage_master_password      = true

  logging {
    enable      = true
    bucket_name = "example-redshift-audit"
  }
}

resource "aws_redshiftserverless_namespace" "analytics" {
  namespace_name = "analytics"
  log_exports    = ["userlog", "connectionlog", "useractivitylog"]
}
