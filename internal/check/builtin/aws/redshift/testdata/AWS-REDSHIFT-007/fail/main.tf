resource "aws_redshift_cluster" "dw" { # want: AWS-REDSHIFT-007
  cluster_identifier          = "dw"
  node_type                   = "ra3.xlplus"
  number_of_nodes             = 2
  master_username             = "admin"
  manage_master_password      = true
}
