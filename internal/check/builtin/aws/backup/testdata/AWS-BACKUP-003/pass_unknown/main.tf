variable "retention_days" {
  type = number
}

resource "aws_backup_plan" "daily" {
  name = "daily"

  rule {
    rule_name         = "daily"
    target_vault_name = "main"
    schedule          = "cron(0 5 * * ? *)"

    lifecycle {
      delete_after = var.retention_days
    }
  }
}
