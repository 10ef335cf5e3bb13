variable "policy" {
  type = string
}

variable "secret_arn" {
  type = string
}

resource "aws_secretsmanager_secret" "a" {
  name   = "a"
  policy = var.policy
}

resource "aws_secretsmanager_secret" "b" {
  name = "b"
}

# Might be the policy of secret b.
resource "aws_secretsmanager_secret_policy" "any" {
  secret_arn = var.secret_arn
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "secretsmanager:GetSecretValue", Resource = "*" }]
  })
}
