variable "protocol" {
  type = string
}

resource "aws_sns_topic_subscription" "webhook" {
  topic_arn = "arn:aws:sns:us-east-1:111122223333:events"
  protocol  = var.protocol
  endpoint  = "https://hooks.example.com/sns"
}
