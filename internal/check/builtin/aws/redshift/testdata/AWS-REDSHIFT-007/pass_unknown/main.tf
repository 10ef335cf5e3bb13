variable "subnet_group" {
  type = string
}

resource "aws_redshift_cluster" "dw" {
  cluster_identifier          = "dw"
  cluster_subnet_group_name   = var.subnet_group
  node_type                   = "ra3.xlplus"
  number_of_nodes             = 2
  master_username             = "admin"
  manage_master_password      = true
}
