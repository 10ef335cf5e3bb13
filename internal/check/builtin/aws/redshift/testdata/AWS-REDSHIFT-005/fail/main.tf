resource "aws_redshift_cluster" "dw" { # want: AWS-REDSHIFT-005
  cluster_identifier          = "dw"
  node_type                   = "ra3.xlplus"
  number_of_nodes             = 2
  master_username             = "admin"
  manage_master_password      = true
}

resource "aws_redshiftserverless_workgroup" "analytics" {
  namespace_name       = "analytics"
  workgroup_name       = "analytics"
  enhanced_vpc_routing = false # want: AWS-REDSHIFT-005
}
