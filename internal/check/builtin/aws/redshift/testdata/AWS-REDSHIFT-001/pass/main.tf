resource "aws_redshift_cluster" "dw" {
  cluster_identifier          = "dw"
  encrypted                   = true
  node_type                   = "ra3.xlplus"
  number_of_nodes             = 2
  master_username             = "admin"
  manage_master_password      = true
}

# New clusters are encrypted by default (Redshift since 2025, provider v6).
resource "aws_redshift_cluster" "default" {
  cluster_identifier          = "default"
  node_type                   = "ra3.xlplus"
  number_of_nodes             = 2
  master_username             = "admin"
  manage_master_password      = true
}
