resource "aws_s3_bucket" "logs" { # want: AWS-S3-003
  bucket = "example-logs"
}

resource "aws_s3_bucket" "legacy" {
  bucket = "example-legacy"
  versioning {
    enabled = false # want: AWS-S3-003
  }
}
