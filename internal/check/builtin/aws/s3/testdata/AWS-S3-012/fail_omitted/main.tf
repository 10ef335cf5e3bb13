resource "aws_s3_account_public_access_block" "this" { # want: AWS-S3-012, AWS-S3-012
  block_public_acls   = true
  block_public_policy = true
}
