resource "aws_db_instance" "app" { # want: AWS-RDS-001
  identifier                  = "app"
  engine                      = "postgres"
  engine_version              = "16.3"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
}

resource "aws_db_instance" "reports" {
  identifier                  = "reports"
  engine                      = "mysql"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "reports"
  manage_master_user_password = true
  storage_encrypted           = false # want: AWS-RDS-001
}
