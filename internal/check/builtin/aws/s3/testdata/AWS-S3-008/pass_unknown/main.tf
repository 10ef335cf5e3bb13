variable "algorithm" {
  type = string
}

variable "key_arn" {
  type = string
}

variable "bucket" {
  type = string
}

resource "aws_s3_bucket" "a" {
  bucket = "example-a"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "a" {
  bucket = aws_s3_bucket.a.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = var.algorithm
    }
  }
}

resource "aws_s3_bucket" "b" {
  bucket = "example-b"
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm     = "aws:kms"
        kms_master_key_id = var.key_arn
      }
    }
  }
}

resource "aws_s3_bucket" "c" {
  bucket = "example-c"
}

# Might configure bucket c.
resource "aws_s3_bucket_server_side_encryption_configuration" "any" {
  bucket = var.bucket
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
