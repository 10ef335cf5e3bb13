variable "allowed_source_ip" {
  type = string
}

resource "aws_iam_user" "dev" {
  name = "dev"
}

# The user may make itself administrator only from an address nobody knows
# yet: a conditional path, not a finding.
resource "aws_iam_user_policy" "dev" {
  name = "self-service"
  user = aws_iam_user.dev.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow", Action = "iam:AttachUserPolicy", Resource = aws_iam_user.dev.arn
      Condition = { IpAddress = { "aws:SourceIp" = "203.0.113.0/24" } }
    }]
  })
}

# A policy only known at apply time: the user is not judged safe either.
resource "aws_iam_user" "ops" {
  name = "ops"
}

resource "aws_iam_user_policy" "ops" {
  name   = "ops"
  user   = aws_iam_user.ops.name
  policy = var.allowed_source_ip
}
