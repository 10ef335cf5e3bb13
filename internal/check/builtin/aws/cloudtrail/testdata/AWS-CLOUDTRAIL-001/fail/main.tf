resource "aws_cloudtrail" "regional" { # want: AWS-CLOUDTRAIL-001
  name           = "regional"
  s3_bucket_name = "example-trail-logs"
}

resource "aws_cloudtrail" "explicit" {
  name                  = "explicit"
  s3_bucket_name        = "example-trail-logs"
  is_multi_region_trail = false # want: AWS-CLOUDTRAIL-001
}
