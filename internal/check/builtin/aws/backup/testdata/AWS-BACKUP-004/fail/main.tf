resource "aws_backup_vault" "main" {
  name = "main"
}

resource "aws_backup_vault_policy" "main" {
  backup_vault_name = aws_backup_vault.main.name
  policy = jsonencode({ # want: AWS-BACKUP-004
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = ["backup:Delete*", "backup:DescribeBackupVault"]
      Resource  = "*"
    }]
  })
}
