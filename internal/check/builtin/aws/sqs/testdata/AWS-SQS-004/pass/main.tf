resource "aws_kms_key" "sqs" {
  description         = "SQS queues"
  enable_key_rotation = true
}

resource "aws_sqs_queue" "jobs" {
  name              = "jobs"
  kms_master_key_id = aws_kms_key.sqs.arn
}

resource "aws_sqs_queue" "named" {
  name              = "named"
  kms_master_key_id = "alias/sqs-jobs"
}
