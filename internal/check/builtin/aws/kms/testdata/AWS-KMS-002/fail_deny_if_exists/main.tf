# A positive IfExists Deny refuses one organization's principals only;
# everyone else, anonymous callers included, still decrypts.
resource "aws_kms_key" "shared" {
  enable_key_rotation = true
  policy = jsonencode({ # want: AWS-KMS-002
    Version = "2012-10-17"
    Statement = [
      { Sid = "Decrypt", Effect = "Allow", Principal = "*", Action = "kms:Decrypt", Resource = "*" },
      {
        Sid       = "NotThem"
        Effect    = "Deny"
        Principal = "*"
        Action    = "kms:*"
        Resource  = "*"
        Condition = { StringEqualsIfExists = { "aws:PrincipalOrgID" = "o-zzz9876543" } }
      },
    ]
  })
}
