variable "policy" {
  type = string
}

variable "bucket" {
  type = string
}

resource "aws_s3_bucket" "a" {
  bucket = "example-a"
}

resource "aws_s3_bucket_policy" "a" {
  bucket = aws_s3_bucket.a.id
  policy = var.policy
}

resource "aws_s3_bucket" "b" {
  bucket = "example-b"
}

# Might be the policy of bucket b.
resource "aws_s3_bucket_policy" "any" {
  bucket = var.bucket
  policy = var.policy
}
