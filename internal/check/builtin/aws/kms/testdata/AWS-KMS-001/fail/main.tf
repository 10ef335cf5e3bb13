resource "aws_kms_key" "defaults" { # want: AWS-KMS-001
  description = "left at the provider default"
}

resource "aws_kms_key" "off" {
  description         = "rotation switched off"
  enable_key_rotation = false # want: AWS-KMS-001
}
