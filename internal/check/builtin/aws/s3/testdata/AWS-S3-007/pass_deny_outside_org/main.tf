# The Allow is for everyone, but a Deny in the same policy refuses every
# caller outside the organization, anonymous ones included: they have no
# aws:PrincipalOrgID, and StringNotEquals on a missing key is true.
resource "aws_s3_bucket" "b" {
  bucket = "my-bucket"
}

resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.b.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::my-bucket/*" },
      {
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = "arn:aws:s3:::my-bucket/*"
        Condition = { StringNotEquals = { "aws:PrincipalOrgID" = "o-abc1234567" } }
      },
    ]
  })
}

resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}

# The same with a policy document, an IfExists operator and a NotPrincipal
# Deny that spares the account's own principals only.
data "aws_iam_policy_document" "data" {
  statement {
    sid       = "Read"
    actions   = ["s3:GetObject", "s3:ListBucket"]
    resources = ["arn:aws:s3:::example-data", "arn:aws:s3:::example-data/*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }

  statement {
    sid       = "OnlyFromTheVPCEndpoint"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::example-data", "arn:aws:s3:::example-data/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "StringNotEqualsIfExists"
      variable = "aws:SourceVpce"
      values   = ["vpce-0a1b2c3d4e5f67890"]
    }
  }
}

resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = data.aws_iam_policy_document.data.json
}

resource "aws_s3_bucket" "internal" {
  bucket = "example-internal"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Principal = { AWS = "*" }, Action = "s3:Get*", Resource = "arn:aws:s3:::example-internal/*" },
      {
        Effect       = "Deny"
        NotPrincipal = { AWS = ["arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:role/reader"] }
        Action       = "s3:*"
        Resource     = "arn:aws:s3:::example-internal/*"
      },
    ]
  })
}
