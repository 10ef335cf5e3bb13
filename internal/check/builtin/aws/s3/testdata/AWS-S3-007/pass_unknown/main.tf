variable "policy" {
  type = string
}

variable "reader_arn" {
  type = string
}

variable "bucket_id" {
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

# The principal is unknown: it might be anyone, or not.
data "aws_iam_policy_document" "b" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.b.arn}/*"]
    principals {
      type        = "AWS"
      identifiers = [var.reader_arn]
    }
  }
}

resource "aws_s3_bucket_policy" "b" {
  bucket = aws_s3_bucket.b.id
  policy = data.aws_iam_policy_document.b.json
}

resource "aws_s3_bucket" "c" {
  bucket = "example-c"
}

# Might be the policy of bucket c.
resource "aws_s3_bucket_policy" "any" {
  bucket = var.bucket_id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "*" }]
  })
}
