# The account ID is known only at apply time; the public principal is known.
data "aws_caller_identity" "current" {}

resource "aws_kms_key" "k" {
  enable_key_rotation = true
  policy = jsonencode({ # want: AWS-KMS-002
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "Root"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "Everyone"
        Effect    = "Allow"
        Principal = "*"
        Action    = "kms:Decrypt"
        Resource  = "*"
      },
    ]
  })
}
