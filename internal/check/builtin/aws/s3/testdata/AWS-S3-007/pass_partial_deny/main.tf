variable "org" {
  type = string
}

resource "aws_s3_bucket" "b" {
  bucket = "my-bucket"
}

# The organization is unknown: the Deny may refuse every outsider (an
# organization ID) or nobody ("*"), so the bucket is neither public nor
# private as far as the scanner can tell.
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
        Condition = { StringNotEquals = { "aws:PrincipalOrgID" = var.org } }
      },
    ]
  })
}
