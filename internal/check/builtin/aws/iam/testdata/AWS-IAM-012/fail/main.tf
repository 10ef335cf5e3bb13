resource "aws_iam_role" "open" {
  name = "open"
  assume_role_policy = jsonencode({ # want: AWS-IAM-012
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "*" }
    }]
  })
}

data "aws_iam_policy_document" "vendor" {
  statement { # want: AWS-IAM-012
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    # An external ID is no restriction: anyone can send it.
    condition {
      test     = "StringEquals"
      variable = "sts:ExternalId"
      values   = ["5f2b1c"]
    }
  }
}

resource "aws_iam_role" "vendor" {
  name               = "vendor"
  assume_role_policy = data.aws_iam_policy_document.vendor.json
}
