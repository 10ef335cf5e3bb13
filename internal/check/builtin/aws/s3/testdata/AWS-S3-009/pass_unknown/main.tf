variable "bucket" {
  type = string
}

resource "aws_s3_bucket" "a" {
  bucket = "example-a"
}

# Might configure bucket a.
resource "aws_s3_bucket_logging" "any" {
  bucket        = var.bucket
  target_bucket = "example-logs"
}
