resource "aws_ecr_repository" "app" {
  name = "app"
}

# The repository ARN is known only at apply time; the public principal is
# known.
data "aws_iam_policy_document" "app" {
  statement { # want: AWS-ECR-004
    actions   = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
    resources = ["${aws_ecr_repository.app.arn}"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_ecr_repository_policy" "app" {
  repository = aws_ecr_repository.app.name
  policy     = data.aws_iam_policy_document.app.json
}
