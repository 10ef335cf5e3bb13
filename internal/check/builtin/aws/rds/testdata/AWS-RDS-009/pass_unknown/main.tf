variable "force_ssl" {
  type = string
}

variable "parameter_group" {
  type = string
}

resource "aws_db_parameter_group" "pg14" {
  name   = "app-pg14"
  family = "postgres14"

  parameter {
    name  = "rds.force_ssl"
    value = var.force_ssl
  }
}

resource "aws_db_instance" "app" {
  identifier                  = "app"
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  parameter_group_name        = aws_db_parameter_group.pg14.name
}

resource "aws_db_parameter_group" "pg13" {
  name   = "other-pg13"
  family = "postgres13"
}

# The group name is not known, so it cannot be tied to pg13.
resource "aws_db_instance" "other" {
  identifier                  = "other"
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  parameter_group_name        = var.parameter_group
}
