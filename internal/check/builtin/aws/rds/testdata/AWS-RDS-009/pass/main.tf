# RDS for PostgreSQL 15 and later forces TLS by default.
resource "aws_db_parameter_group" "pg16" {
  name   = "app-pg16"
  family = "postgres16"
}

resource "aws_db_instance" "app" {
  identifier                  = "app"
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  parameter_group_name        = aws_db_parameter_group.pg16.name
}

resource "aws_db_parameter_group" "mysql" {
  name   = "shop-mysql80"
  family = "mysql8.0"

  parameter {
    name  = "require_secure_transport"
    value = "ON"
  }
}

resource "aws_db_instance" "shop" {
  identifier                  = "shop"
  engine                      = "mysql"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "shop"
  manage_master_user_password = true
  parameter_group_name        = aws_db_parameter_group.mysql.name
}

# An unused group, and an instance on a default group: neither is judged.
resource "aws_db_parameter_group" "unused" {
  name   = "unused-pg13"
  family = "postgres13"
}

resource "aws_db_instance" "legacy" {
  identifier                  = "legacy"
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  parameter_group_name        = "default.postgres13"
}
