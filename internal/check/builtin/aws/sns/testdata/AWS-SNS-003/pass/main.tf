# No policy: the default policy grants the owner's account only.
resource "aws_sns_topic" "default" {
  name = "default"
}

resource "aws_sns_topic" "alarms" {
  name = "alarms"
}

resource "aws_sns_topic_policy" "alarms" {
  arn = aws_sns_topic.alarms.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { Service = "cloudwatch.amazonaws.com" }
        Action    = "sns:Publish"
        Resource  = "arn:aws:sns:us-east-1:111122223333:alarms"
      },
      {
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = ["SNS:Publish", "SNS:Subscribe"]
        Resource  = "arn:aws:sns:us-east-1:111122223333:alarms"
        Condition = { StringEquals = { "AWS:SourceOwner" = "111122223333" } }
      },
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = "SNS:GetTopicAttributes"
        Resource  = "arn:aws:sns:us-east-1:111122223333:alarms"
      },
    ]
  })
}
