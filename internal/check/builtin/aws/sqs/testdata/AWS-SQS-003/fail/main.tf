resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_sqs_queue_policy" "jobs" {
  queue_url = aws_sqs_queue.jobs.id
  policy = jsonencode({ # want: AWS-SQS-003
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:role/producer" }
      Action    = "SQS:*"
      Resource  = "arn:aws:sqs:us-east-1:111122223333:jobs"
    }]
  })
}

resource "aws_sqs_queue" "everything" {
  name = "everything"
  policy = jsonencode({ # want: AWS-SQS-003
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:role/admin" }
      Action    = ["*"]
      Resource  = "arn:aws:sqs:us-east-1:111122223333:everything"
    }]
  })
}
