resource "aws_secretsmanager_secret" "db" {
  name = "app/db"
}

resource "aws_kms_key" "app" {
  description         = "app data"
  enable_key_rotation = true
}

data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [aws_secretsmanager_secret.db.arn]
  }

  statement {
    actions   = ["kms:Decrypt"]
    resources = [aws_kms_key.app.arn]
  }

  # Listing and describing on every resource reads no data.
  statement {
    actions   = ["secretsmanager:ListSecrets", "s3:ListAllMyBuckets", "ssm:DescribeParameters"]
    resources = ["*"]
  }

  # Decrypt on every key, but only through Secrets Manager.
  statement {
    actions   = ["kms:Decrypt"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["secretsmanager.eu-west-1.amazonaws.com"]
    }
  }

  # Every secret tagged for the application.
  statement {
    actions   = ["secretsmanager:GetSecretValue"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/app"
      values   = ["billing"]
    }
  }

  statement {
    effect    = "Deny"
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "app" {
  name   = "app"
  policy = data.aws_iam_policy_document.app.json
}

# Full administration is reported by AWS-IAM-008 only.
resource "aws_iam_policy" "admin" {
  name = "admin"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}
