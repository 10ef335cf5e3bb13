# The queue ARN is known only at apply time; the public principal is known.
resource "aws_sqs_queue" "q" {
  name = "q"
}

resource "aws_sqs_queue_policy" "q" {
  queue_url = aws_sqs_queue.q.id
  policy    = /* # want: AWS-SQS-002 */ <<EOF
{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Principal": "*",
    "Action": "sqs:SendMessage",
    "Resource": "${aws_sqs_queue.q.arn}"
  }]
}
EOF
}
