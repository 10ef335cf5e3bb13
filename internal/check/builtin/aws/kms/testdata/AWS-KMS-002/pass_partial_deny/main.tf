variable "org" {
  type = string
}

# The organization is unknown: the Deny may refuse every outsider (an
# organization ID) or nobody ("*").
resource "aws_kms_key" "shared" {
  enable_key_rotation = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Sid = "Decrypt", Effect = "Allow", Principal = "*", Action = "kms:Decrypt", Resource = "*" },
      {
        Sid       = "OutsideOrg"
        Effect    = "Deny"
        Principal = "*"
        Action    = "kms:*"
        Resource  = "*"
        Condition = { StringNotEquals = { "aws:PrincipalOrgID" = var.org } }
      },
    ]
  })
}
