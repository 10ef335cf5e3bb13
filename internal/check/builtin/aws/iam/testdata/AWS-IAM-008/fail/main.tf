resource "aws_iam_policy" "admin" {
  name = "admin"
  policy = jsonencode({ # want: AWS-IAM-008
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}

data "aws_iam_policy_document" "ops" {
  statement {
    actions   = ["cloudwatch:GetMetricData"]
    resources = ["*"]
  }

  statement { # want: AWS-IAM-008
    sid       = "Everything"
    actions   = ["*"]
    resources = ["*"]
  }
}

resource "aws_iam_role" "ops" {
  name               = "ops"
  assume_role_policy = data.aws_iam_policy_document.trust.json

  inline_policy {
    name   = "ops"
    policy = data.aws_iam_policy_document.ops.json
  }
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_group" "admins" {
  name = "admins"
}

resource "aws_iam_group_policy" "admins" {
  name  = "everything"
  group = aws_iam_group.admins.name
  policy = jsonencode({ # want: AWS-IAM-008
    Version = "2012-10-17"
    Statement = {
      Effect   = "Allow"
      Action   = ["*:*"]
      Resource = ["*"]
    }
  })
}

# Everything but EC2, on every resource: IAM is allowed, so the holder can
# grant itself EC2 too.
resource "aws_iam_policy" "not_ec2" {
  name = "not-ec2"
  policy = jsonencode({ # want: AWS-IAM-008
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", NotAction = ["ec2:*"], Resource = "*" }]
  })
}

data "aws_iam_policy_document" "not_some_iam" {
  statement { # want: AWS-IAM-008
    not_actions = ["iam:CreateUser", "iam:DeleteUser"]
    resources   = ["*"]
  }
}

resource "aws_iam_policy" "not_some_iam" {
  name   = "not-some-iam"
  policy = data.aws_iam_policy_document.not_some_iam.json
}
