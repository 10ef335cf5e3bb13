resource "aws_backup_vault" "main" {
  name = "main"
}

resource "aws_backup_vault_policy" "main" {
  backup_vault_name = aws_backup_vault.main.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = "backup:CopyIntoBackupVault"
        Resource  = "*"
        Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
      },
      {
        Effect    = "Deny"
        Principal = { AWS = "*" }
        Action    = "backup:DeleteRecoveryPoint"
        Resource  = "*"
      },
    ]
  })
}
