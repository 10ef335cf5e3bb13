resource "aws_db_instance" "app" { # want: AWS-RDS-007
  identifier                   = "app"
  engine                       = "postgres"
  instance_class               = "db.m6g.large"
  allocated_storage            = 20
  username                     = "app"
  manage_master_user_password  = true
  performance_insights_enabled = true
}

resource "aws_rds_cluster_instance" "writer" {
  identifier                      = "writer"
  cluster_identifier              = "main"
  instance_class                  = "db.r6g.large"
  engine                          = "aurora-postgresql"
  performance_insights_enabled    = true
  performance_insights_kms_key_id = "alias/aws/rds" # want: AWS-RDS-007
}
