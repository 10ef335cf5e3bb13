resource "aws_kms_key" "s3" {
  description         = "S3 data"
  enable_key_rotation = true
}

resource "aws_kms_alias" "s3" {
  name          = "alias/s3-data"
  target_key_id = aws_kms_key.s3.key_id
}

resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.s3.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket" "by_alias" {
  bucket = "example-by-alias"
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm     = "aws:kms"
        kms_master_key_id = aws_kms_alias.s3.arn
      }
    }
  }
}

resource "aws_s3_bucket" "external" {
  bucket = "example-external"
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm     = "aws:kms:dsse"
        kms_master_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
      }
    }
  }
}
