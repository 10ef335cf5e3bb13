resource "aws_s3_bucket" "data" {
  for_each = toset(["a", "b"])
  bucket   = "example-${each.key}"
}

resource "aws_s3_bucket_versioning" "data" {
  for_each = aws_s3_bucket.data
  bucket   = each.value.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "legacy" {
  bucket = "example-legacy"
  versioning {
    enabled = true
  }
}
