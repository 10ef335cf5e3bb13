variable "denied_principal" {
  type = string
}

resource "aws_s3_bucket" "assets" {
  bucket = "example-assets"
}

# The Deny's principal is unknown: it might be everyone, the statement the
# check asks for, or not.
data "aws_iam_policy_document" "assets" {
  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.assets.arn, "${aws_s3_bucket.assets.arn}/*"]
    principals {
      type        = "AWS"
      identifiers = [var.denied_principal]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "assets" {
  bucket = aws_s3_bucket.assets.id
  policy = data.aws_iam_policy_document.assets.json
}
