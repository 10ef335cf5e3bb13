# Resources are literal ARNs; fail_partial has policies built from ARNs known
# only at apply time.
resource "aws_sqs_queue" "inline" {
  name = "inline"
  policy = jsonencode({ # want: AWS-SQS-002
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "sqs:SendMessage"
      Resource  = "arn:aws:sqs:us-east-1:111122223333:inline"
    }]
  })
}

resource "aws_sqs_queue" "split" {
  name = "split"
}

resource "aws_sqs_queue_policy" "split" {
  queue_url = aws_sqs_queue.split.id
  policy = jsonencode({ # want: AWS-SQS-002
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = ["sqs:ReceiveMessage", "sqs:DeleteMessage"]
      Resource  = "arn:aws:sqs:us-east-1:111122223333:split"
    }]
  })
}
