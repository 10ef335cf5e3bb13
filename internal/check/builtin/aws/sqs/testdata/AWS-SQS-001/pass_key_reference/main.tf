resource "aws_kms_key" "sqs" {
  description         = "SQS queues"
  enable_key_rotation = true
}

resource "aws_kms_alias" "sqs" {
  name          = "alias/sqs-queues"
  target_key_id = aws_kms_key.sqs.key_id
}

# The key and alias ARNs are only known after apply, but they name a key:
# the queues are encrypted with SSE-KMS.
resource "aws_sqs_queue" "jobs" {
  name              = "jobs"
  kms_master_key_id = aws_kms_key.sqs.arn
}

resource "aws_sqs_queue" "events" {
  name              = "events"
  kms_master_key_id = aws_kms_alias.sqs.arn
}
