resource "aws_backup_vault" "main" { # want: AWS-BACKUP-002
  name = "main"
}
