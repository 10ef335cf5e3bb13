resource "aws_cloudtrail" "main" { # want: AWS-CLOUDTRAIL-002
  name                  = "main"
  s3_bucket_name        = "example-trail-logs"
  is_multi_region_trail = true
}

resource "aws_cloudtrail" "explicit" {
  name                       = "explicit"
  s3_bucket_name             = "example-trail-logs"
  enable_log_file_validation = false # want: AWS-CLOUDTRAIL-002
}
