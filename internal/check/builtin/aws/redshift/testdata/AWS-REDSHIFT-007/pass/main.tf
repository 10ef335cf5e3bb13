resource "aws_redshift_subnet_group" "private" {
  name       = "private"
  subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
}

resource "aws_redshift_cluster" "dw" {
  cluster_identifier          = "dw"
  cluster_subnet_group_name   = aws_redshift_subnet_group.private.name
  node_type                   = "ra3.xlplus"
  number_of_nodes             = 2
  master_username             = "admin"
  manage_master_password      = true
}
