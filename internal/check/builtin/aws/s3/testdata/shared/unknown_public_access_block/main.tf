variable "enabled" {
  type = bool
}

variable "bucket_id" {
  type = string
}

resource "aws_s3_bucket" "a" { # want: AWS-S3-003, AWS-S3-008, AWS-S3-009, AWS-S3-010, AWS-S3-011
  bucket = "example-a"
}

resource "aws_s3_bucket_public_access_block" "a" {
  bucket                  = aws_s3_bucket.a.id
  block_public_acls       = var.enabled
  block_public_policy     = var.enabled
  ignore_public_acls      = var.enabled
  restrict_public_buckets = var.enabled
}

resource "aws_s3_bucket" "b" { # want: AWS-S3-003, AWS-S3-008, AWS-S3-009, AWS-S3-010, AWS-S3-011
  bucket = "example-b"
}

# Might configure bucket b: its settings are unknown, not off.
resource "aws_s3_bucket_public_access_block" "any" {
  bucket = var.bucket_id
}
