variable "role_arns" {
  type = list(string)
}

variable "excluded" {
  type = string
}

data "aws_iam_policy_document" "deployer" {
  statement {
    actions   = ["iam:PassRole"]
    resources = var.role_arns
  }

  statement {
    not_actions = [var.excluded]
    resources   = ["*"]
  }
}

resource "aws_iam_policy" "deployer" {
  name   = "deployer"
  policy = data.aws_iam_policy_document.deployer.json
}
