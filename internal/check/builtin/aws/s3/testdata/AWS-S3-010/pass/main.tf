variable "mfa" {
  type    = string
  default = "arn:aws:iam::111122223333:mfa/root-account-mfa-device 123456"
}

resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  mfa    = var.mfa
  versioning_configuration {
    status     = "Enabled"
    mfa_delete = "Enabled"
  }
}

resource "aws_s3_bucket" "legacy" {
  bucket = "example-legacy"
  versioning {
    enabled    = true
    mfa_delete = true
  }
}
