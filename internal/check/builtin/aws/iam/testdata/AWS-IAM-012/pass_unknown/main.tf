variable "trusted" {
  type = list(string)
}

variable "trust_policy" {
  type = string
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = var.trusted
    }
  }
}

resource "aws_iam_role" "a" {
  name               = "a"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_role" "b" {
  name               = "b"
  assume_role_policy = var.trust_policy
}
