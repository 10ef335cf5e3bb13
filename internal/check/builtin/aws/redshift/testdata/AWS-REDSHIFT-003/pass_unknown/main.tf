variable "public" {
  type = bool
}

resource "aws_redshift_cluster" "dw" {
  cluster_identifier          = "dw"
  publicly_accessible         = var.public
  node_type                   = "ra3.xlplus"
  number_of_nodes             = 2
  master_username             = "admin"
  manage_master_password      = true
}

# Provider v5 defaults to public, v6 to private: not judged.
resource "aws_redshift_cluster" "unset" {
  cluster_identifier          = "unset"
  node_type                   = "ra3.xlplus"
  number_of_nodes             = 2
  master_username             = "admin"
  manage_master_password      = true
}
