resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "example-trail-logs"
  is_multi_region_trail = true
  enable_logging        = false # want: AWS-CLOUDTRAIL-005
}
