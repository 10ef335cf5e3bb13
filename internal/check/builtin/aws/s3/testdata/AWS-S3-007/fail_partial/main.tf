# The bucket ARN is known only at apply time; the public principal is known.
resource "aws_s3_bucket" "b" {
  bucket = "my-bucket"
}

resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.b.id
  policy = jsonencode({ # want: AWS-S3-007
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "${aws_s3_bucket.b.arn}/*"
    }]
  })
}

resource "aws_s3_bucket" "site" {
  bucket = "my-site"
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = /* # want: AWS-S3-007 */ <<EOF
{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Principal": {"AWS": "*"},
    "Action": ["s3:GetObject", "s3:ListBucket"],
    "Resource": ["${aws_s3_bucket.site.arn}", "${aws_s3_bucket.site.arn}/*"]
  }]
}
EOF
}
