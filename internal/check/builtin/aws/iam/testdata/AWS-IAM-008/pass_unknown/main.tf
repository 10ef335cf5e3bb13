variable "actions" {
  type = list(string)
}

variable "policy" {
  type = string
}

data "aws_iam_policy_document" "app" {
  statement {
    actions   = var.actions
    resources = ["*"]
  }
}

resource "aws_iam_policy" "app" {
  name   = "app"
  policy = data.aws_iam_policy_document.app.json
}

resource "aws_iam_policy" "other" {
  name   = "other"
  policy = var.policy
}

variable "excluded" {
  type = string
}

# The excluded action might be iam:*.
data "aws_iam_policy_document" "not_unknown" {
  statement {
    not_actions = ["ec2:*", var.excluded]
    resources   = ["*"]
  }
}

resource "aws_iam_policy" "not_unknown" {
  name   = "not-unknown"
  policy = data.aws_iam_policy_document.not_unknown.json
}
