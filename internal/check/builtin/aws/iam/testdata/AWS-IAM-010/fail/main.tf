resource "aws_iam_policy" "deployer" {
  name = "deployer"
  policy = jsonencode({ # want: AWS-IAM-010
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["lambda:CreateFunction", "iam:PassRole"], Resource = "*" },
    ]
  })
}

data "aws_iam_policy_document" "ci" {
  statement { # want: AWS-IAM-010
    actions   = ["iam:Pass*"]
    resources = ["*"]
  }

  statement { # want: AWS-IAM-010
    actions   = ["iam:Get*", "iam:List*", "iam:PassRole"]
    resources = ["*"]
  }
}

resource "aws_iam_user" "ci" {
  name = "ci"
}

resource "aws_iam_user_policy" "ci" {
  user   = aws_iam_user.ci.name
  policy = data.aws_iam_policy_document.ci.json
}
