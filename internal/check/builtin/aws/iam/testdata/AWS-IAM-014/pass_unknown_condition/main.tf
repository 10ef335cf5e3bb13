# The condition key comes from a variable: it may well be sts:ExternalId, so
# nothing can be said.
variable "guard_key" {
  type = string
}

variable "external_id" {
  type = string
}

data "aws_iam_policy_document" "partner" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["444455556666"]
    }
    condition {
      test     = "StringEquals"
      variable = var.guard_key
      values   = [var.external_id]
    }
  }
}

resource "aws_iam_role" "partner" {
  name               = "partner"
  assume_role_policy = data.aws_iam_policy_document.partner.json
}

resource "aws_iam_role" "vendor" {
  name = "vendor-audit"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::464622532012:root" }
      Condition = { StringEquals = { (var.guard_key) = var.external_id } }
    }]
  })
}
