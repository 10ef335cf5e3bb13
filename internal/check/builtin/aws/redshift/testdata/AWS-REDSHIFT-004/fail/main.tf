resource "aws_redshift_cluster" "dw" { # want: AWS-REDSHIFT-004
  cluster_identifier          = "dw"
  node_type                   = "ra3.xlplus"
  number_of_nodes             = 2
  master_username             = "admin"
  manage_master_password      = true
}

resource "aws_redshift_cluster" "legacy" {
  cluster_identifier          = "legacy"
  node_type                   = "ra3.xlplus"
  number_of_nodes             = 2
  master_username             = "admin"
  manage_master_password      = true

  logging {
    enable = false # want: AWS-REDSHIFT-004
  }
}

resource "aws_redshiftserverless_namespace" "analytics" { # want: AWS-REDSHIFT-004
  namespace_name = "analytics"
}
