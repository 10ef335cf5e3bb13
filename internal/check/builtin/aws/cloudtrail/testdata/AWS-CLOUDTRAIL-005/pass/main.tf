# enable_logging defaults to true.
resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "example-trail-logs"
  is_multi_region_trail = true
}

resource "aws_cloudtrail" "explicit" {
  name           = "explicit"
  s3_bucket_name = "example-trail-logs"
  enable_logging = true
}
