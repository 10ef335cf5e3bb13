resource "aws_cloudtrail" "main" { # want: AWS-CLOUDTRAIL-003
  name                  = "main"
  s3_bucket_name        = "example-trail-logs"
  is_multi_region_trail = true
}
