resource "aws_s3_bucket" "assets" {
  bucket = "example-assets"
}

data "aws_iam_policy_document" "assets" {
  statement {
    sid       = "OrgRead"
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.assets.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-a1b2c3d4e5"]
    }
  }

  statement { # want: AWS-S3-007
    sid       = "PublicList"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.assets.arn]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

resource "aws_s3_bucket_policy" "assets" {
  bucket = aws_s3_bucket.assets.id
  policy = data.aws_iam_policy_document.assets.json
}
