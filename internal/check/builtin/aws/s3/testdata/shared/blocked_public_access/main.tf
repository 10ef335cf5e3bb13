# No public access block: a new bucket blocks all public access by default.
resource "aws_s3_bucket" "defaults" { # want: AWS-S3-003, AWS-S3-008, AWS-S3-009, AWS-S3-010, AWS-S3-011
  bucket = "example-defaults"
}

resource "aws_s3_bucket" "strict" { # want: AWS-S3-003, AWS-S3-008, AWS-S3-009, AWS-S3-010, AWS-S3-011
  bucket = "example-strict"
}

resource "aws_s3_bucket_public_access_block" "strict" {
  bucket                  = "example-strict"
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
