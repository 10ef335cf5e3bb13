resource "aws_kms_key" "pi" {
  description         = "Performance Insights"
  enable_key_rotation = true
}

resource "aws_kms_alias" "pi" {
  name          = "alias/performance-insights"
  target_key_id = aws_kms_key.pi.key_id
}

# The key's ARN is only known after apply, but it is a key this configuration
# creates: a customer managed key.
resource "aws_db_instance" "app" {
  identifier                      = "app"
  engine                          = "postgres"
  instance_class                  = "db.m6g.large"
  allocated_storage               = 20
  username                        = "app"
  manage_master_user_password     = true
  storage_encrypted               = true
  kms_key_id                      = aws_kms_key.pi.arn
  performance_insights_enabled    = true
  performance_insights_kms_key_id = aws_kms_key.pi.arn
}

resource "aws_rds_cluster" "reporting" {
  cluster_identifier              = "reporting"
  engine                          = "postgres"
  db_cluster_instance_class       = "db.m6gd.large"
  storage_type                    = "io1"
  allocated_storage               = 100
  iops                            = 1000
  master_username                 = "app"
  manage_master_user_password     = true
  storage_encrypted               = true
  performance_insights_enabled    = true
  performance_insights_kms_key_id = aws_kms_alias.pi.arn
}

resource "aws_rds_cluster_instance" "writer" {
  identifier                      = "writer"
  cluster_identifier              = "main"
  instance_class                  = "db.r6g.large"
  engine                          = "aurora-postgresql"
  performance_insights_enabled    = true
  performance_insights_kms_key_id = aws_kms_key.pi.key_id
}
