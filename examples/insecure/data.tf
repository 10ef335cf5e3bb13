resource "aws_db_instance" "orders" {
  identifier          = "${local.name_prefix}-orders"
  engine              = "postgres"
  engine_version      = "16.3"
  instance_class      = "db.t3.medium"
  allocated_storage   = 50
  username            = "orders"
  password            = "change-me-please"
  publicly_accessible = true
  skip_final_snapshot = true
  # vigil:ignore:AWS-RDS-003 staging database, restored from snapshots nightly
  backup_retention_period = 0
}

resource "aws_kms_key" "app" {
  description = "Application data key"
}

resource "aws_sqs_queue" "events" {
  name                    = "${local.name_prefix}-events"
  sqs_managed_sse_enabled = false
}

resource "aws_cloudtrail" "main" {
  name                       = "${local.name_prefix}-trail"
  s3_bucket_name             = aws_s3_bucket.audit.id
  is_multi_region_trail      = false
  enable_log_file_validation = false
}
