resource "aws_db_instance" "app" { # want: AWS-RDS-004
  identifier                  = "app"
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
}

resource "aws_rds_cluster" "main" {
  cluster_identifier                  = "main"
  engine                              = "aurora-mysql"
  master_username                     = "app"
  manage_master_user_password         = true
  iam_database_authentication_enabled = false # want: AWS-RDS-004
}
