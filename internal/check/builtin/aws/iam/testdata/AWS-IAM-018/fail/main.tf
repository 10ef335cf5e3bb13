# The KaiMonkey pattern: an application role that can read every secret and
# decrypt with every key.
resource "aws_iam_role" "app" {
  name = "app"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy" "app" {
  name = "secrets"
  role = aws_iam_role.app.id
  policy = jsonencode({ # want: AWS-IAM-018
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["secretsmanager:GetSecretValue", "kms:Decrypt"], Resource = "*" },
    ]
  })
}

data "aws_iam_policy_document" "reader" {
  statement { # want: AWS-IAM-018
    actions   = ["ssm:GetParameter*", "s3:Get*"]
    resources = ["*"]
  }

  # A condition that does not narrow the resources.
  statement { # want: AWS-IAM-018
    actions   = ["dynamodb:Scan", "dynamodb:DescribeTable"]
    resources = ["*"]
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }
  }
}

resource "aws_iam_policy" "reader" {
  name   = "reader"
  policy = data.aws_iam_policy_document.reader.json
}

# Everything but IAM is not full administration, but it reads every secret.
resource "aws_iam_policy" "power_user" {
  name = "power-user"
  policy = jsonencode({ # want: AWS-IAM-018
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", NotAction = ["iam:*", "organizations:*"], Resource = "*" }]
  })
}

resource "aws_iam_user" "ops" {
  name = "ops"
}

resource "aws_iam_user_policy" "ops" {
  name = "helpdesk"
  user = aws_iam_user.ops.name
  policy = jsonencode({ # want: AWS-IAM-018
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["iam:CreateAccessKey", "iam:UpdateLoginProfile", "sts:AssumeRole"], Resource = "*" },
    ]
  })
}
