data "aws_kms_key" "sns" {
  key_id = "alias/aws/sns"
}

resource "aws_sns_topic" "alerts" {
  name              = "alerts"
  kms_master_key_id = data.aws_kms_key.sns.arn # want: AWS-SNS-002
}
