variable "encrypt" {
  type = bool
}

variable "kms_key_id" {
  type = string
}

resource "aws_sqs_queue" "jobs" {
  name                    = "jobs"
  sqs_managed_sse_enabled = var.encrypt
}

resource "aws_sqs_queue" "kms" {
  name              = "kms"
  kms_master_key_id = var.kms_key_id
}
