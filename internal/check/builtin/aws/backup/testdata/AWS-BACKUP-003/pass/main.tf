resource "aws_backup_plan" "daily" {
  name = "daily"

  rule {
    rule_name         = "daily"
    target_vault_name = "main"
    schedule          = "cron(0 5 * * ? *)"

    lifecycle {
      delete_after = 35
    }
  }

  # No lifecycle: recovery points are kept until deleted.
  rule {
    rule_name         = "forever"
    target_vault_name = "main"
    schedule          = "cron(0 5 1 1 ? *)"
  }
}
