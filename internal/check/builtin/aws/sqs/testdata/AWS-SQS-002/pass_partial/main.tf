variable "who" {
  type = string
}

resource "aws_sqs_queue" "q" {
  name = "q"
}

# The principal is unknown: it might be anyone, or not.
resource "aws_sqs_queue_policy" "q" {
  queue_url = aws_sqs_queue.q.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = var.who }
      Action    = "sqs:SendMessage"
      Resource  = aws_sqs_queue.q.arn
    }]
  })
}

resource "aws_sqs_queue" "sns" {
  name = "from-sns"
}

resource "aws_sqs_queue_policy" "sns" {
  queue_url = aws_sqs_queue.sns.id
  policy    = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Principal": {"Service": "sns.amazonaws.com"},
    "Action": "sqs:SendMessage",
    "Resource": "${aws_sqs_queue.sns.arn}"
  }]
}
EOF
}
