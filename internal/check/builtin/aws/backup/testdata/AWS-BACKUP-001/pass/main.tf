resource "aws_backup_vault" "main" {
  name        = "main"
  kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/0f6b2f7e-1111-2222-3333-444455556666"
}
