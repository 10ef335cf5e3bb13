resource "aws_sns_topic" "orders" { # want: AWS-SNS-001
  name = "orders"
}
