resource "aws_db_instance" "app" {
  identifier                  = "app"
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  backup_retention_period     = 14
}

# Replicas are backed up through their source.
resource "aws_db_instance" "replica" {
  identifier              = "app-replica"
  replicate_source_db     = aws_db_instance.app.identifier
  instance_class          = "db.t4g.micro"
  backup_retention_period = 0
}

resource "aws_rds_cluster" "main" {
  cluster_identifier          = "main"
  engine                      = "aurora-mysql"
  master_username             = "app"
  manage_master_user_password = true
  backup_retention_period     = 35
}
