resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user" "bob" {
  name = "bob"
}

resource "aws_iam_user_policy_attachment" "alice_read" { # want: AWS-IAM-011
  user       = aws_iam_user.alice.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_user_policy" "bob" { # want: AWS-IAM-011
  name = "bob-extra"
  user = "bob"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:ListAllMyBuckets", Resource = "*" }]
  })
}

# Shared attachment listing users directly.
resource "aws_iam_policy_attachment" "billing" {
  name       = "billing"
  users      = [aws_iam_user.alice.name] # want: AWS-IAM-011
  groups     = [aws_iam_group.finance.name]
  policy_arn = "arn:aws:iam::aws:policy/job-function/Billing"
}

resource "aws_iam_group" "finance" {
  name = "finance"
}

# A user the configuration does not define still gets a direct policy.
resource "aws_iam_user_policy_attachment" "external" { # want: AWS-IAM-011
  user       = "carol"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
