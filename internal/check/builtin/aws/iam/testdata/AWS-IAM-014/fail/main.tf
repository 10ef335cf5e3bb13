resource "aws_iam_role" "vendor" {
  name = "vendor-audit"
  assume_role_policy = jsonencode({ # want: AWS-IAM-014
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::464622532012:root" }
    }]
  })
}

data "aws_iam_policy_document" "partner" {
  statement { # want: AWS-IAM-014
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["444455556666"]
    }
  }
}

resource "aws_iam_role" "partner" {
  name               = "partner"
  assume_role_policy = data.aws_iam_policy_document.partner.json
}
