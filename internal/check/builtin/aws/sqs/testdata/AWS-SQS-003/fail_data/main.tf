resource "aws_sqs_queue" "q" {
  name = "jobs"
}

resource "aws_iam_role" "worker" {
  name = "worker"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

# Queue and role ARNs are known only at apply time; the wildcard is known.
data "aws_iam_policy_document" "q" {
  statement { # want: AWS-SQS-003
    actions   = ["sqs:*"]
    resources = ["${aws_sqs_queue.q.arn}"]
    principals {
      type        = "AWS"
      identifiers = [aws_iam_role.worker.arn]
    }
  }
}

resource "aws_sqs_queue_policy" "q" {
  queue_url = aws_sqs_queue.q.id
  policy    = data.aws_iam_policy_document.q.json
}
