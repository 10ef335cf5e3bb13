variable "logging" {
  type = bool
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "example-trail-logs"
  enable_logging = var.logging
}
