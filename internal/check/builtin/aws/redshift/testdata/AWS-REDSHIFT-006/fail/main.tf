resource "aws_redshift_parameter_group" "dw" {
  name   = "dw"
  family = "redshift-2.0"

  parameter {
    name  = "require_ssl"
    value = "false" # want: AWS-REDSHIFT-006
  }
}

resource "aws_redshift_cluster" "dw" {
  cluster_identifier           = "dw"
  cluster_parameter_group_name = aws_redshift_parameter_group.dw.name
  node_type                   = "ra3.xlplus"
  number_of_nodes             = 2
  master_username             = "admin"
  manage_master_password      = true
}

resource "aws_redshiftserverless_workgroup" "analytics" {
  namespace_name = "analytics"
  workgroup_name = "analytics"

  config_parameter {
    parameter_key   = "require_ssl"
    parameter_value = "false" # want: AWS-REDSHIFT-006
  }
}
