variable "kms_key_id" {
  type = string
}

resource "aws_sqs_queue" "jobs" {
  name              = "jobs"
  kms_master_key_id = var.kms_key_id
}
