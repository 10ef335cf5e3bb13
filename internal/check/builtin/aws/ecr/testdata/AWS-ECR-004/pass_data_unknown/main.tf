variable "puller_arn" {
  type = string
}

resource "aws_ecr_repository" "app" {
  name = "app"
}

# The principal is unknown: it might be anyone, or not.
data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
    resources = ["${aws_ecr_repository.app.arn}"]
    principals {
      type        = "AWS"
      identifiers = [var.puller_arn]
    }
  }
}

resource "aws_ecr_repository_policy" "app" {
  repository = aws_ecr_repository.app.name
  policy     = data.aws_iam_policy_document.app.json
}
