# Anyone may decrypt, but a Deny in the same key policy refuses every
# caller outside the organization: they have no aws:PrincipalOrgID, or
# another one, and StringNotEquals is then true.
resource "aws_kms_key" "shared" {
  enable_key_rotation = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Sid = "Root", Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "kms:*", Resource = "*" },
      { Sid = "Decrypt", Effect = "Allow", Principal = "*", Action = ["kms:Decrypt", "kms:DescribeKey"], Resource = "*" },
      {
        Sid       = "OutsideOrg"
        Effect    = "Deny"
        Principal = "*"
        Action    = "kms:*"
        Resource  = "*"
        Condition = { StringNotEquals = { "aws:PrincipalOrgID" = "o-abc1234567" } }
      },
    ]
  })
}

resource "aws_kms_key" "account" {
  enable_key_rotation = true
}

# kms:CallerAccount names the calling account.
data "aws_iam_policy_document" "account" {
  statement {
    actions   = ["kms:Decrypt"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }

  statement {
    effect    = "Deny"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringNotEquals"
      variable = "kms:CallerAccount"
      values   = ["111122223333"]
    }
  }
}

resource "aws_kms_key_policy" "account" {
  key_id = aws_kms_key.account.id
  policy = data.aws_iam_policy_document.account.json
}
