resource "aws_s3_bucket" "assets" {
  bucket = "example-assets"
}

# Only an Allow statement: whatever its apply-time ARN, it cannot be the
# Deny on aws:SecureTransport.
data "aws_iam_policy_document" "assets" { # want: AWS-S3-011
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.assets.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_s3_bucket_policy" "assets" {
  bucket = aws_s3_bucket.assets.id
  policy = data.aws_iam_policy_document.assets.json
}
