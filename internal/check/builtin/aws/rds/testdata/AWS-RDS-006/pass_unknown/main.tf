variable "auto_upgrade" {
  type = bool
}

resource "aws_db_instance" "app" {
  identifier                  = "app"
  engine                      = "mysql"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  auto_minor_version_upgrade  = var.auto_upgrade
}
