variable "status" {
  default = "Suspended"
}

resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}

locals {
  bucket_id = aws_s3_bucket.data.id
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = local.bucket_id
  versioning_configuration {
    status = var.status # want: AWS-S3-003
  }
}
