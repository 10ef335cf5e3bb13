resource "aws_s3_bucket" "site" {
  bucket = "example-site"
  acl    = "public-read" # want: AWS-S3-006
}

resource "aws_s3_bucket" "legacy" {
  bucket = "example-legacy"

  grant {
    id          = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
    type        = "CanonicalUser"
    permissions = ["FULL_CONTROL"]
  }

  grant { # want: AWS-S3-006
    type        = "Group"
    uri         = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"
    permissions = ["READ"]
  }
}
