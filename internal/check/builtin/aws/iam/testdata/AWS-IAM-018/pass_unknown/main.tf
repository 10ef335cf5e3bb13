variable "actions" {
  type = list(string)
}

variable "secret_arn" {
  type = string
}

data "aws_iam_policy_document" "app" {
  statement {
    actions   = var.actions
    resources = ["*"]
  }

  statement {
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [var.secret_arn]
  }
}

resource "aws_iam_policy" "app" {
  name   = "app"
  policy = data.aws_iam_policy_document.app.json
}
