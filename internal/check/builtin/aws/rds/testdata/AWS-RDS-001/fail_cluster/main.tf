resource "aws_rds_cluster" "main" { # want: AWS-RDS-001
  cluster_identifier          = "main"
  engine                      = "aurora-postgresql"
  master_username             = "app"
  manage_master_user_password = true
}

# Members take their storage settings from the cluster.
resource "aws_rds_cluster_instance" "main" {
  count              = 2
  identifier         = "main-${count.index}"
  cluster_identifier = aws_rds_cluster.main.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.main.engine
}
