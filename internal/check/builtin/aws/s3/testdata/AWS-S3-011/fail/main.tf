resource "aws_s3_bucket" "no_policy" { # want: AWS-S3-011
  bucket = "example-no-policy"
}

resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}

# Denies plain HTTP for one action only.
resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = jsonencode({ # want: AWS-S3-011
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::example-data/*"
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
