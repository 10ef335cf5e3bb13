variable "pi_key" {
  type = string
}

resource "aws_db_instance" "app" {
  identifier                      = "app"
  engine                          = "postgres"
  instance_class                  = "db.m6g.large"
  allocated_storage               = 20
  username                        = "app"
  manage_master_user_password     = true
  performance_insights_enabled    = true
  performance_insights_kms_key_id = var.pi_key
}

resource "aws_rds_cluster_instance" "writer" {
  identifier                      = "writer"
  cluster_identifier              = "main"
  instance_class                  = "db.r6g.large"
  engine                          = "aurora-postgresql"
  performance_insights_enabled    = true
  performance_insights_kms_key_id = var.pi_key
}
