resource "aws_s3_bucket" "data" { # want: AWS-S3-010
  bucket = "example-data"
}

resource "aws_s3_bucket" "versioned" {
  bucket = "example-versioned"
}

resource "aws_s3_bucket_versioning" "versioned" {
  bucket = aws_s3_bucket.versioned.id
  versioning_configuration {
    status     = "Enabled"
    mfa_delete = "Disabled" # want: AWS-S3-010
  }
}

resource "aws_s3_bucket" "legacy" {
  bucket = "example-legacy"
  versioning { # want: AWS-S3-010
    enabled = true
  }
}
