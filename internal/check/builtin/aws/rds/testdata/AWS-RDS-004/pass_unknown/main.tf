variable "iam_auth" {
  type = bool
}

variable "engine" {
  type = string
}

resource "aws_db_instance" "app" {
  identifier                          = "app"
  engine                              = "postgres"
  instance_class                      = "db.t4g.micro"
  allocated_storage                   = 20
  username                            = "app"
  manage_master_user_password         = true
  iam_database_authentication_enabled = var.iam_auth
}

resource "aws_db_instance" "other" {
  identifier                  = "other"
  engine                      = var.engine
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
}
