variable "encrypted" {
  type = bool
}

variable "engine_mode" {
  type = string
}

resource "aws_db_instance" "app" {
  identifier                  = "app"
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  storage_encrypted           = var.encrypted
}

resource "aws_rds_cluster" "main" {
  cluster_identifier          = "main"
  engine                      = "aurora-mysql"
  engine_mode                 = var.engine_mode
  master_username             = "app"
  manage_master_user_password = true
}
