variable "kms_key_arn" {
  type = string
}

resource "aws_sns_topic" "orders" {
  name              = "orders"
  kms_master_key_id = var.kms_key_arn
}
