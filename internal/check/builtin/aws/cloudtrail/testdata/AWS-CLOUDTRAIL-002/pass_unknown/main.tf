variable "validate" {
  type = bool
}

resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "example-trail-logs"
  enable_log_file_validation = var.validate
}
