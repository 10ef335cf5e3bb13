variable "acl" {
  type = string
}

variable "bucket" {
  type = string
}

resource "aws_s3_bucket" "a" {
  bucket = "example-a"
  acl    = var.acl
}

resource "aws_s3_bucket" "b" {
  bucket = "example-b"
}

# Might configure bucket b.
resource "aws_s3_bucket_acl" "any" {
  bucket = var.bucket
  acl    = "public-read"
}
