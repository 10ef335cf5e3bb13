resource "aws_secretsmanager_secret" "none" {
  name = "prod/none"
}

resource "aws_secretsmanager_secret" "shared" {
  name = "shared/api"
}

data "aws_iam_policy_document" "shared" {
  statement {
    actions   = ["secretsmanager:GetSecretValue"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::444455556666:role/reader"]
    }
  }

  statement {
    actions   = ["secretsmanager:GetSecretValue"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-a1b2c3d4e5"]
    }
  }
}

resource "aws_secretsmanager_secret_policy" "shared" {
  secret_arn          = aws_secretsmanager_secret.shared.arn
  policy              = data.aws_iam_policy_document.shared.json
  block_public_policy = true
}
