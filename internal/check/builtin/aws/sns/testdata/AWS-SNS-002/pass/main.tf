resource "aws_kms_key" "sns" {
  description         = "SNS topics"
  enable_key_rotation = true
}

resource "aws_sns_topic" "orders" {
  name              = "orders"
  kms_master_key_id = aws_kms_key.sns.arn
}

resource "aws_sns_topic" "named" {
  name              = "named"
  kms_master_key_id = "alias/sns-topics"
}

# Unencrypted topics are reported by AWS-SNS-001.
resource "aws_sns_topic" "plain" {
  name = "plain"
}
