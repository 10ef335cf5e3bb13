variable "require_ssl" {
  type = string
}

resource "aws_redshift_parameter_group" "dw" {
  name   = "dw"
  family = "redshift-2.0"

  parameter {
    name  = "require_ssl"
    value = var.require_ssl
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
