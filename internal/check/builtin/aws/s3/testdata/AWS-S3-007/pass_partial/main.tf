variable "who" {
  type = string
}

resource "aws_s3_bucket" "b" {
  bucket = "my-bucket"
}

# The principal is unknown: it might be anyone, or not.
resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.b.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = var.who }
      Action    = "s3:GetObject"
      Resource  = "${aws_s3_bucket.b.arn}/*"
    }]
  })
}

resource "aws_s3_bucket" "c" {
  bucket = "my-cdn"
}

# Known not to be public; only the bucket ARN is unknown.
resource "aws_s3_bucket_policy" "c" {
  bucket = aws_s3_bucket.c.id
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Principal": {"Service": "cloudfront.amazonaws.com"},
    "Action": "s3:GetObject",
    "Resource": "${aws_s3_bucket.c.arn}/*"
  }]
}
EOF
}
