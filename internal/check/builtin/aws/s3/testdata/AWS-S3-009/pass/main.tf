resource "aws_s3_bucket" "logs" {
  bucket = "example-logs"
}

resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}

resource "aws_s3_bucket_logging" "data" {
  bucket        = aws_s3_bucket.data.id
  target_bucket = aws_s3_bucket.logs.id
  target_prefix = "data/"
}

resource "aws_s3_bucket" "legacy" {
  bucket = "example-legacy"
  logging {
    target_bucket = "example-logs"
    target_prefix = "legacy/"
  }
}

# A legacy log bucket set up through its ACL.
resource "aws_s3_bucket" "old_logs" {
  bucket = "example-old-logs"
  acl    = "log-delivery-write"
}
