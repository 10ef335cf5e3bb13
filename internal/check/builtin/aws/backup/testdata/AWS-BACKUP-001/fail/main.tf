resource "aws_backup_vault" "main" { # want: AWS-BACKUP-001
  name = "main"
}
