variable "log_group_arn" {
  type = string
}

resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "example-trail-logs"
  cloud_watch_logs_group_arn = var.log_group_arn
  cloud_watch_logs_role_arn  = "arn:aws:iam::111122223333:role/cloudtrail-to-cloudwatch"
}
