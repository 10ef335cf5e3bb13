variable "mfa_delete" {
  type = string
}

variable "bucket" {
  type = string
}

resource "aws_s3_bucket" "a" {
  bucket = "example-a"
}

resource "aws_s3_bucket_versioning" "a" {
  bucket = aws_s3_bucket.a.id
  versioning_configuration {
    status     = "Enabled"
    mfa_delete = var.mfa_delete
  }
}

resource "aws_s3_bucket" "b" {
  bucket = "example-b"
}

# Might configure bucket b.
resource "aws_s3_bucket_versioning" "any" {
  bucket = var.bucket
  versioning_configuration {
    status = "Enabled"
  }
}
