resource "aws_kms_key" "sqs" {
  description         = "SQS queues"
  enable_key_rotation = true
}

resource "aws_kms_alias" "sqs" {
  name          = "alias/sqs-queues"
  target_key_id = aws_kms_key.sqs.key_id
}

resource "aws_sqs_queue" "jobs" {
  name              = "jobs"
  kms_master_key_id = aws_kms_alias.sqs.arn
}

# SSE-SQS uses no KMS key at all.
resource "aws_sqs_queue" "plain" {
  name = "plain"
}
