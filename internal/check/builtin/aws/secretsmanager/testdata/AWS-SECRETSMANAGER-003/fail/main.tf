resource "aws_secretsmanager_secret" "shared" {
  name = "shared/api"
  policy = jsonencode({ # want: AWS-SECRETSMANAGER-003
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "secretsmanager:GetSecretValue"
      Resource  = "*"
    }]
  })
}

resource "aws_secretsmanager_secret" "split" {
  name = "shared/split"
}

data "aws_iam_policy_document" "split" {
  statement { # want: AWS-SECRETSMANAGER-003
    actions   = ["secretsmanager:GetSecretValue"]
    resources = ["*"]
    not_principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:role/blocked"]
    }
  }
}

resource "aws_secretsmanager_secret_policy" "split" {
  secret_arn = aws_secretsmanager_secret.split.arn
  policy     = data.aws_iam_policy_document.split.json
}
