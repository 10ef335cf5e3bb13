resource "aws_securityhub_account" "main" {
  enable_default_standards = false
  auto_enable_controls     = false # want: AWS-SECURITYHUB-001
}
