variable "cluster_identifier" {
  type = string
}

resource "aws_redshift_cluster" "dw" {
  cluster_identifier          = "dw"
  node_type                   = "ra3.xlplus"
  number_of_nodes             = 2
  master_username             = "admin"
  manage_master_password      = true
}

# Might configure dw: its logging is unknown, not disabled.
resource "aws_redshift_logging" "any" {
  cluster_identifier   = var.cluster_identifier
  log_destination_type = "cloudwatch"
  log_exports          = ["connectionlog"]
}
