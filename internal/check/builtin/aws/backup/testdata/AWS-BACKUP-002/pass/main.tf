resource "aws_backup_vault" "main" {
  name = "main"
}

resource "aws_backup_vault_lock_configuration" "main" {
  backup_vault_name   = aws_backup_vault.main.name
  min_retention_days  = 7
  max_retention_days  = 365
  changeable_for_days = 3
}

resource "aws_backup_vault" "audit" {
  name = "audit"
}

resource "aws_backup_vault_lock_configuration" "audit" {
  backup_vault_name  = "audit"
  min_retention_days = 30
}
