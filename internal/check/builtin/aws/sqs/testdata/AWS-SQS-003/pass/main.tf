resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_sqs_queue_policy" "jobs" {
  queue_url = aws_sqs_queue.jobs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:role/producer" }
        Action    = ["sqs:SendMessage", "sqs:GetQueueUrl"]
        Resource  = "arn:aws:sqs:us-east-1:111122223333:jobs"
      },
      {
        Effect    = "Deny"
        Principal = "*"
        Action    = "sqs:*"
        Resource  = "arn:aws:sqs:us-east-1:111122223333:jobs"
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
    ]
  })
}
