# Nothing here can be known, so nothing may be reported.
variable "status" {}
variable "bucket_id" {}

resource "aws_s3_bucket" "a" {
  bucket = "example-a"
  versioning {
    enabled = var.status == "on"
  }
}

resource "aws_s3_bucket" "b" {
  bucket = "example-b"
}

# Might configure bucket b: its versioning is unknown, not disabled.
resource "aws_s3_bucket_versioning" "any" {
  bucket = var.bucket_id
  versioning_configuration {
    status = "Enabled"
  }
}
