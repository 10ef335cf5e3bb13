resource "aws_backup_plan" "daily" {
  name = "daily"

  rule {
    rule_name         = "daily"
    target_vault_name = "main"
    schedule          = "cron(0 5 * * ? *)"

    lifecycle {
      delete_after = 3 # want: AWS-BACKUP-003
    }
  }

  rule {
    rule_name         = "monthly"
    target_vault_name = "main"
    schedule          = "cron(0 5 1 * ? *)"

    lifecycle {
      delete_after = 365
    }
  }
}
