resource "aws_sns_topic" "alerts" {
  name              = "alerts"
  kms_master_key_id = "alias/aws/sns" # want: AWS-SNS-002
}

resource "aws_sns_topic" "events" {
  name              = "events"
  kms_master_key_id = "arn:aws:kms:us-east-1:111122223333:alias/aws/sns" # want: AWS-SNS-002
}
