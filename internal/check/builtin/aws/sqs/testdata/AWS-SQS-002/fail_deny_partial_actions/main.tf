resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

# Outsiders can no longer send, but they can still receive and delete.
resource "aws_sqs_queue_policy" "jobs" {
  queue_url = aws_sqs_queue.jobs.id
  policy = jsonencode({ # want: AWS-SQS-002
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Principal = "*", Action = ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage"], Resource = "arn:aws:sqs:us-east-1:111122223333:jobs" },
      {
        Effect    = "Deny"
        Principal = "*"
        Action    = "sqs:SendMessage"
        Resource  = "arn:aws:sqs:us-east-1:111122223333:jobs"
        Condition = { StringNotEquals = { "aws:PrincipalOrgID" = "o-abc1234567" } }
      },
    ]
  })
}
