resource "aws_iam_role" "ops" {
  name = "ops"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy_attachment" "ops" {
  role       = aws_iam_role.ops.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess" # want: AWS-IAM-015
}

resource "aws_iam_group" "admins" {
  name = "admins"
}

resource "aws_iam_policy_attachment" "admins" {
  name       = "admins"
  groups     = [aws_iam_group.admins.name]
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess" # want: AWS-IAM-015
}

resource "aws_iam_role" "legacy" {
  name                = "legacy"
  managed_policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/AdministratorAccess"] # want: AWS-IAM-015
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy_attachments_exclusive" "gov" {
  role_name   = "gov-admin"
  policy_arns = ["arn:aws-us-gov:iam::aws:policy/AdministratorAccess"] # want: AWS-IAM-015
}
