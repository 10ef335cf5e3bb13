variable "multi_az" {
  type = bool
}

resource "aws_db_instance" "app" {
  identifier                  = "app"
  engine                      = "postgres"
  instance_class              = "db.m6g.large"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  multi_az                    = var.multi_az
}
