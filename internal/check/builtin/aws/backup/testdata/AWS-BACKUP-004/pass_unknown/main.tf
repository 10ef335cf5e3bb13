variable "policy" {
  type = string
}

resource "aws_backup_vault" "main" {
  name = "main"
}

resource "aws_backup_vault_policy" "main" {
  backup_vault_name = aws_backup_vault.main.name
  policy            = var.policy
}
