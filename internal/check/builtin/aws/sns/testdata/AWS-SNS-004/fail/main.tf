resource "aws_sns_topic" "events" {
  name = "events"
}

resource "aws_sns_topic_subscription" "webhook" {
  topic_arn = aws_sns_topic.events.arn
  protocol  = "http" # want: AWS-SNS-004
  endpoint  = "http://hooks.example.com/sns"
}
