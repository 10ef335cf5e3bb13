variable "multi_region" {
  type = bool
}

resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "example-trail-logs"
  is_multi_region_trail = var.multi_region
}
