variable "enabled" {
  type = bool
}

resource "aws_guardduty_detector" "main" {
  enable = var.enabled
}
