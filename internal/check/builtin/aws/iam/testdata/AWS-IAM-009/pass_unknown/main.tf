variable "service" {
  type = string
}

data "aws_iam_policy_document" "worker" {
  statement {
    actions   = ["${var.service}:*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "worker" {
  name   = "worker"
  policy = data.aws_iam_policy_document.worker.json
}
