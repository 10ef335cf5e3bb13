variable "policy" {
  type = string
}

variable "key_id" {
  type = string
}

resource "aws_kms_key" "a" {
  enable_key_rotation = true
  policy              = var.policy
}

resource "aws_kms_key" "b" {
  enable_key_rotation = true
}

# Might be the policy of key b.
resource "aws_kms_key_policy" "any" {
  key_id = var.key_id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "kms:*", Resource = "*" }]
  })
}
