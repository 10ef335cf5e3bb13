variable "operator_arn" {
  type = string
}

resource "aws_backup_vault" "main" {
  name = "main"
}

# The principal is unknown: it might be anyone, or not.
data "aws_iam_policy_document" "main" {
  statement {
    actions   = ["backup:DeleteRecoveryPoint"]
    resources = ["${aws_backup_vault.main.arn}"]
    principals {
      type        = "AWS"
      identifiers = [var.operator_arn]
    }
  }
}

resource "aws_backup_vault_policy" "main" {
  backup_vault_name = aws_backup_vault.main.name
  policy            = data.aws_iam_policy_document.main.json
}

resource "aws_backup_vault" "copies" {
  name = "copies"
}

# Public, but it cannot delete recovery points.
data "aws_iam_policy_document" "copies" {
  statement {
    actions   = ["backup:CopyIntoBackupVault"]
    resources = ["${aws_backup_vault.copies.arn}"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-a1b2c3d4e5"]
    }
  }
}

resource "aws_backup_vault_policy" "copies" {
  backup_vault_name = aws_backup_vault.copies.name
  policy            = data.aws_iam_policy_document.copies.json
}
