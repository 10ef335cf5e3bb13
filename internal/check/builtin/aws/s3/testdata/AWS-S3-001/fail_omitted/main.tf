resource "aws_s3_bucket" "site" {
  bucket = "example-site"
}

# The provider sends false for every flag left out.
resource "aws_s3_bucket_public_access_block" "site" { # want: AWS-S3-001
  bucket = aws_s3_bucket.site.bucket
  block_public_policy = true
  ignore_public_acls = true
  restrict_public_buckets = true
}
