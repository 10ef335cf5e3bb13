resource "aws_iam_user" "dev" {
  name = "dev"
}

# The user may attach any managed policy to itself: AdministratorAccess too.
resource "aws_iam_user_policy" "dev" {
  name = "self-service"
  user = aws_iam_user.dev.name
  policy = jsonencode({ # want: AWS-IAM-019
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "iam:AttachUserPolicy", Resource = aws_iam_user.dev.arn }]
  })
}

resource "aws_iam_role" "admin" {
  name = "admin"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }]
  })
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
}

resource "aws_iam_role" "deployer" {
  name = "deployer"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "codebuild.amazonaws.com" } }]
  })
}

# Passing any role to a Lambda function it creates and invokes: it runs as
# the admin role.
data "aws_iam_policy_document" "deployer" {
  statement { # want: AWS-IAM-019
    actions   = ["iam:PassRole"]
    resources = ["*"]
  }
  statement {
    actions   = ["lambda:CreateFunction", "lambda:InvokeFunction"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "deployer" {
  name   = "deploy"
  role   = aws_iam_role.deployer.id
  policy = data.aws_iam_policy_document.deployer.json
}
