variable "enabled" {
  type = bool
}

resource "aws_ebs_encryption_by_default" "explicit" {
  enabled = true
}

# enabled defaults to true.
resource "aws_ebs_encryption_by_default" "defaulted" {}

resource "aws_ebs_encryption_by_default" "unknown" {
  enabled = var.enabled
}
