resource "aws_sns_topic" "events" {
  name = "events"
}

resource "aws_sns_topic_subscription" "webhook" {
  topic_arn = aws_sns_topic.events.arn
  protocol  = "https"
  endpoint  = "https://hooks.example.com/sns"
}

resource "aws_sns_topic_subscription" "queue" {
  topic_arn = aws_sns_topic.events.arn
  protocol  = "sqs"
  endpoint  = "arn:aws:sqs:us-east-1:111122223333:events"
}
