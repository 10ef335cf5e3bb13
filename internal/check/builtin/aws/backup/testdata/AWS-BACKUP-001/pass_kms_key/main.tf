resource "aws_kms_key" "backup" {
  description         = "AWS Backup"
  enable_key_rotation = true
}

# The key's ARN is only known after apply, but it is a key this configuration
# creates: a customer managed key.
resource "aws_backup_vault" "main" {
  name        = "main"
  kms_key_arn = aws_kms_key.backup.arn
}
