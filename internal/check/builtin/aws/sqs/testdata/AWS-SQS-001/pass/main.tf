# SQS encrypts new queues with SSE-SQS unless told otherwise.
resource "aws_sqs_queue" "default" {
  name = "default"
}

resource "aws_sqs_queue" "sse_sqs" {
  name                    = "sse-sqs"
  sqs_managed_sse_enabled = true
}

resource "aws_sqs_queue" "kms" {
  name                              = "kms"
  kms_master_key_id                 = "alias/sqs-jobs"
  kms_data_key_reuse_period_seconds = 300
}
