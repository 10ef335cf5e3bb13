variable "producer_arn" {
  type = string
}

resource "aws_sqs_queue" "q" {
  name = "events"
}

# The principal is unknown: it might be anyone, or not.
data "aws_iam_policy_document" "q" {
  statement {
    actions   = ["sqs:SendMessage"]
    resources = ["${aws_sqs_queue.q.arn}"]
    principals {
      type        = "AWS"
      identifiers = [var.producer_arn]
    }
  }
}

resource "aws_sqs_queue_policy" "q" {
  queue_url = aws_sqs_queue.q.id
  policy    = data.aws_iam_policy_document.q.json
}

resource "aws_sqs_queue" "inline" {
  name = "inline"
}

# Restricted to the organization: judged even though the ARN is unknown.
data "aws_iam_policy_document" "org" {
  statement {
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.inline.arn]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-a1b2c3d4e5"]
    }
  }
}

resource "aws_sqs_queue_policy" "inline" {
  queue_url = aws_sqs_queue.inline.id
  policy    = data.aws_iam_policy_document.org.json
}
