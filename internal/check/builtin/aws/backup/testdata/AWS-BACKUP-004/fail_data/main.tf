resource "aws_backup_vault" "main" {
  name = "main"
}

# The vault ARN is known only at apply time; the public principal is known.
data "aws_iam_policy_document" "main" {
  statement { # want: AWS-BACKUP-004
    actions   = ["backup:DeleteRecoveryPoint"]
    resources = ["${aws_backup_vault.main.arn}"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

resource "aws_backup_vault_policy" "main" {
  backup_vault_name = aws_backup_vault.main.name
  policy            = data.aws_iam_policy_document.main.json
}
