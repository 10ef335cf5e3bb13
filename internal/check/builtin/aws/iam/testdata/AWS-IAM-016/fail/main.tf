resource "aws_iam_user" "ci" {
  name = "ci"
}

resource "aws_iam_access_key" "ci" { # want: AWS-IAM-016
  user = aws_iam_user.ci.name
}
