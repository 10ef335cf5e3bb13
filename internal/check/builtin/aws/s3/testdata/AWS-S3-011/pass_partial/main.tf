variable "effect" {
  type = string
}

resource "aws_s3_bucket" "b" {
  bucket = "my-bucket"
}

resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.b.id
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Deny",
    "Principal": "*",
    "Action": "s3:*",
    "Resource": ["${aws_s3_bucket.b.arn}", "${aws_s3_bucket.b.arn}/*"],
    "Condition": {"Bool": {"aws:SecureTransport": "false"}}
  }]
}
EOF
}

resource "aws_s3_bucket" "c" {
  bucket = "my-other-bucket"
}

# The effect is unknown: the statement might be the missing Deny.
resource "aws_s3_bucket_policy" "c" {
  bucket = aws_s3_bucket.c.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = var.effect
      Principal = "*"
      Action    = "s3:*"
      Resource  = "${aws_s3_bucket.c.arn}/*"
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
