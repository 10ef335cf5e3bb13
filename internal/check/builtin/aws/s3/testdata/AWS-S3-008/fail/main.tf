# No encryption configuration: AWS encrypts with SSE-S3.
resource "aws_s3_bucket" "defaults" { # want: AWS-S3-008
  bucket = "example-defaults"
}

resource "aws_s3_bucket" "sse_s3" {
  bucket = "example-sse-s3"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "sse_s3" {
  bucket = aws_s3_bucket.sse_s3.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256" # want: AWS-S3-008
    }
  }
}

resource "aws_s3_bucket" "aws_managed" {
  bucket = "example-aws-managed"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "aws_managed" {
  bucket = aws_s3_bucket.aws_managed.bucket
  rule {
    apply_server_side_encryption_by_default { # want: AWS-S3-008
      sse_algorithm = "aws:kms"
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket" "alias" {
  bucket = "example-alias"
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm     = "aws:kms"
        kms_master_key_id = "alias/aws/s3" # want: AWS-S3-008
      }
    }
  }
}
