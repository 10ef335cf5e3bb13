# No policy: only the owner's account has access.
resource "aws_sqs_queue" "private" {
  name = "private"
}

resource "aws_sqs_queue" "from_sns" {
  name = "from-sns"
}

resource "aws_sqs_queue_policy" "from_sns" {
  queue_url = aws_sqs_queue.from_sns.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "sns.amazonaws.com" }
      Action    = "sqs:SendMessage"
      Resource  = "arn:aws:sqs:us-east-1:111122223333:from-sns"
      Condition = { ArnEquals = { "aws:SourceArn" = "arn:aws:sns:us-east-1:111122223333:events" } }
    }]
  })
}

resource "aws_sqs_queue" "org" {
  name = "org"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "sqs:SendMessage"
      Resource  = "arn:aws:sqs:us-east-1:111122223333:org"
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
    }]
  })
}
