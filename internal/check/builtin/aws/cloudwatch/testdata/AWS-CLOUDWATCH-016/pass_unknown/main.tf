variable "kms_key_arn" {
  type = string
}

resource "aws_cloudwatch_log_group" "app" {
  name_prefix = "/app/api-"
  kms_key_id  = var.kms_key_arn
}
