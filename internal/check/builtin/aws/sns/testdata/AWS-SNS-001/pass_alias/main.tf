resource "aws_kms_key" "sns" {
  description         = "SNS topics"
  enable_key_rotation = true
}

resource "aws_kms_alias" "sns" {
  name          = "alias/sns-topics"
  target_key_id = aws_kms_key.sns.key_id
}

# The alias ARN is only known after apply, but it names a key: the topic is
# encrypted.
resource "aws_sns_topic" "orders" {
  name              = "orders"
  kms_master_key_id = aws_kms_alias.sns.arn
}
