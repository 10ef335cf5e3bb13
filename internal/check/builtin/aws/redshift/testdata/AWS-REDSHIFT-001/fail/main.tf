resource "aws_redshift_cluster" "dw" {
  cluster_identifier          = "dw"
  encrypted                   = false # want: AWS-REDSHIFT-001
  node_type                   = "ra3.xlplus"
  number_of_nodes             = 2
  master_username             = "admin"
  manage_master_password      = true
}
