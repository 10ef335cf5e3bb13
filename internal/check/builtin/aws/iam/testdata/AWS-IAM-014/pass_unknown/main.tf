data "aws_caller_identity" "current" {}

variable "account" {
  type = string
}

# The account is only known at apply time: maybe this one.
data "aws_iam_policy_document" "self" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }
}

resource "aws_iam_role" "self" {
  name               = "self"
  assume_role_policy = data.aws_iam_policy_document.self.json
}

data "aws_iam_policy_document" "other" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = [var.account]
    }
  }
}

resource "aws_iam_role" "other" {
  name               = "other"
  assume_role_policy = data.aws_iam_policy_document.other.json
}
