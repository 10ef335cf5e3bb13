data "aws_kms_key" "sqs" {
  key_id = "alias/aws/sqs"
}

resource "aws_sqs_queue" "jobs" {
  name              = "jobs"
  kms_master_key_id = data.aws_kms_key.sqs.arn # want: AWS-SQS-004
}
