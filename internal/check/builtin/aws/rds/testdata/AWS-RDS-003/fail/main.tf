# The API keeps automated backups for one day unless told otherwise.
resource "aws_db_instance" "app" { # want: AWS-RDS-003
  identifier                  = "app"
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
}

resource "aws_db_instance" "scratch" {
  identifier                  = "scratch"
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  backup_retention_period     = 0 # want: AWS-RDS-003
}

resource "aws_rds_cluster" "main" {
  cluster_identifier          = "main"
  engine                      = "aurora-mysql"
  master_username             = "app"
  manage_master_user_password = true
  backup_retention_period     = 3 # want: AWS-RDS-003
}
