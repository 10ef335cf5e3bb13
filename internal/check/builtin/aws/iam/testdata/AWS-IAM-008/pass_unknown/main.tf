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
