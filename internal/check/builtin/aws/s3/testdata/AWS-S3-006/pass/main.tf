resource "aws_s3_bucket" "defaults" {
  bucket = "example-defaults"
}

resource "aws_s3_bucket" "private" {
  bucket = "example-private"
  acl    = "private"
}

resource "aws_s3_bucket" "logs" {
  bucket = "example-logs"
}

resource "aws_s3_bucket_acl" "logs" {
  bucket = aws_s3_bucket.logs.id
  acl    = "log-delivery-write"
}
