resource "aws_kms_key" "open" {
  enable_key_rotation = true
  policy = jsonencode({ # want: AWS-KMS-002
    Version = "2012-10-17"
    Statement = [{
      Sid       = "Everyone"
      Effect    = "Allow"
      Principal = "*"
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}

resource "aws_kms_key" "split" {
  enable_key_rotation = true
}

data "aws_iam_policy_document" "split" {
  statement {
    sid       = "Root"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
  }

  statement { # want: AWS-KMS-002
    sid       = "Decrypt"
    actions   = ["kms:Decrypt"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    # Any account can satisfy an IfExists condition by leaving the key out.
    condition {
      test     = "StringEqualsIfExists"
      variable = "aws:PrincipalOrgID"
      values   = ["o-a1b2c3d4e5"]
    }
  }
}

resource "aws_kms_key_policy" "split" {
  key_id = aws_kms_key.split.id
  policy = data.aws_iam_policy_document.split.json
}
