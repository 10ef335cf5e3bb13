resource "aws_iam_role" "ci" {
  name = "ci"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "codebuild.amazonaws.com" } }]
  })
  managed_policy_arns = ["arn:aws:iam::aws:policy/PowerUserAccess"]
}

# Everything, but the boundary takes IAM and Organizations away.
resource "aws_iam_policy" "boundary" {
  name = "boundary"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", NotAction = ["iam:*", "organizations:*"], Resource = "*" }]
  })
}

resource "aws_iam_user" "bounded" {
  name                 = "bounded"
  permissions_boundary = aws_iam_policy.boundary.arn
}

resource "aws_iam_user_policy_attachment" "bounded" {
  user       = aws_iam_user.bounded.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
