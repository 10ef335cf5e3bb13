resource "aws_kms_key" "pi" {
  enable_key_rotation = true
}

resource "aws_db_instance" "app" {
  identifier                      = "app"
  engine                          = "postgres"
  instance_class                  = "db.m6g.large"
  allocated_storage               = 20
  username                        = "app"
  manage_master_user_password     = true
  performance_insights_enabled    = true
  performance_insights_kms_key_id = aws_kms_key.pi.arn
}

# Performance Insights off: nothing to encrypt.
resource "aws_db_instance" "small" {
  identifier                  = "small"
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
}
