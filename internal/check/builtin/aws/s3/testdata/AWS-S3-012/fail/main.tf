resource "aws_s3_account_public_access_block" "this" {
  block_public_acls       = true
  block_public_policy     = false # want: AWS-S3-012
  ignore_public_acls      = true
  restrict_public_buckets = true
}
