resource "aws_s3_bucket" "data" { # want: AWS-S3-009
  bucket = "example-data"
}

resource "aws_s3_bucket" "legacy" { # want: AWS-S3-009
  bucket = "example-legacy"
  acl    = "private"
}
