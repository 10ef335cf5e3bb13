variable "kms_key_arn" {
  type = string
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "example-trail-logs"
  kms_key_id     = var.kms_key_arn
}
