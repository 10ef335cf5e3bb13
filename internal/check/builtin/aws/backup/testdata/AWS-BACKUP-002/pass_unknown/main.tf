variable "vault_name" {
  type = string
}

resource "aws_backup_vault" "main" {
  name = "main"
}

# Might lock main: its lock is unknown, not missing.
resource "aws_backup_vault_lock_configuration" "any" {
  backup_vault_name  = var.vault_name
  min_retention_days = 7
}
