variable "enhanced_routing" {
  type = bool
}

resource "aws_redshift_cluster" "dw" {
  cluster_identifier          = "dw"
  enhanced_vpc_routing        = var.enhanced_routing
  node_type                   = "ra3.xlplus"
  number_of_nodes             = 2
  master_username             = "admin"
  manage_master_password      = true
}
