resource "aws_cloudtrail" "main" { # want: AWS-CLOUDTRAIL-006
  name                  = "main"
  s3_bucket_name        = "example-trail-logs"
  is_multi_region_trail = true
}

# Single-region trails are judged by AWS-CLOUDTRAIL-001, not here.
resource "aws_cloudtrail" "regional" {
  name           = "regional"
  s3_bucket_name = "example-trail-logs"
}
