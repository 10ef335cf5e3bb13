# ARNs of the configuration's own identities are known only at apply time;
# the estate puts them in its account so the policies naming them resolve.

variable "partner_account" {
  type = string
}

resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_role" "admin" {
  name = "admin"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = aws_iam_user.alice.arn } },
      # Another account's role of the same name: not this estate's.
      { Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::${var.partner_account}:role/admin" } },
    ]
  })
}
