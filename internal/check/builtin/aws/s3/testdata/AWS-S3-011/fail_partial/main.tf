# The bucket ARN is known only at apply time; that no statement denies plain
# HTTP is known.
resource "aws_s3_bucket" "b" {
  bucket = "my-bucket"
}

resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.b.id
  policy = jsonencode({ # want: AWS-S3-011
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Action    = "s3:GetObject"
      Resource  = "${aws_s3_bucket.b.arn}/*"
    }]
  })
}
