resource "aws_redshift_cluster" "dw" { # want: AWS-REDSHIFT-002
  cluster_identifier          = "dw"
  encrypted                   = true
  node_type                   = "ra3.xlplus"
  number_of_nodes             = 2
  master_username             = "admin"
  manage_master_password      = true
}

resource "aws_redshiftserverless_namespace" "analytics" { # want: AWS-REDSHIFT-002
  namespace_name = "analytics"
}
