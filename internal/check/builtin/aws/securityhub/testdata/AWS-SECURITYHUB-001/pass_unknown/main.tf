variable "auto_enable" {
  type = bool
}

resource "aws_securityhub_account" "main" {
  auto_enable_controls = var.auto_enable
}
