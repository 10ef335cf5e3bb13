resource "aws_db_instance" "app" { # want: AWS-RDS-011
  identifier                  = "app"
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
}

resource "aws_db_instance" "shop" {
  identifier                  = "shop"
  engine                      = "mysql"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "shop"
  manage_master_user_password = true
  multi_az                    = false # want: AWS-RDS-011
}
