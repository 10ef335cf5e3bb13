resource "aws_kms_key" "sns" {
  description         = "SNS topics"
  enable_key_rotation = true
}

resource "aws_kms_alias" "sns" {
  name          = "alias/sns-topics"
  target_key_id = aws_kms_key.sns.key_id
}

resource "aws_sns_topic" "orders" {
  name              = "orders"
  kms_master_key_id = aws_kms_alias.sns.arn
}

resource "aws_sns_topic" "alerts" {
  name              = "alerts"
  kms_master_key_id = aws_kms_alias.sns.name
}
