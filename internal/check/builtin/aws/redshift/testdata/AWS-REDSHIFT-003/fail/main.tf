resource "aws_redshift_cluster" "dw" {
  cluster_identifier          = "dw"
  publicly_accessible         = true # want: AWS-REDSHIFT-003
  node_type                   = "ra3.xlplus"
  number_of_nodes             = 2
  master_username             = "admin"
  manage_master_password      = true
}

resource "aws_redshiftserverless_workgroup" "analytics" {
  namespace_name      = "analytics"
  workgroup_name      = "analytics"
  publicly_accessible = true # want: AWS-REDSHIFT-003
}
