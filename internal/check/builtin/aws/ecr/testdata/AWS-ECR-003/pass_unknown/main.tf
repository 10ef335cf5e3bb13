variable "encryption_type" {}

resource "aws_ecr_repository" "app" {
  name = "app"
  encryption_configuration {
    encryption_type = var.encryption_type
    kms_key         = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }
}

variable "kms_key_arn" {
  type = string
}

resource "aws_ecr_repository" "worker" {
  name = "worker"
  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = var.kms_key_arn
  }
}
