# The queue ARN is known only at apply time; the public principal is known.
resource "aws_sqs_queue" "q" {
  name = "events"
}

data "aws_iam_policy_document" "q" {
  statement { # want: AWS-SQS-002
    actions   = ["sqs:SendMessage"]
    resources = ["${aws_sqs_queue.q.arn}"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_sqs_queue_policy" "q" {
  queue_url = aws_sqs_queue.q.id
  policy    = data.aws_iam_policy_document.q.json
}
