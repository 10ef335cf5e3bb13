variable "actions" {
  type = list(string)
}

variable "worker_arn" {
  type = string
}

resource "aws_sqs_queue" "q" {
  name = "jobs"
}

# The actions are unknown: they might be sqs:*, or not.
data "aws_iam_policy_document" "q" {
  statement {
    actions   = var.actions
    resources = ["${aws_sqs_queue.q.arn}"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:role/worker"]
    }
  }
}

resource "aws_sqs_queue_policy" "q" {
  queue_url = aws_sqs_queue.q.id
  policy    = data.aws_iam_policy_document.q.json
}

resource "aws_sqs_queue" "named" {
  name = "named"
}

# The principal is unknown, the actions are not the wildcard.
data "aws_iam_policy_document" "named" {
  statement {
    actions   = ["sqs:SendMessage"]
    resources = ["${aws_sqs_queue.named.arn}"]
    principals {
      type        = "AWS"
      identifiers = [var.worker_arn]
    }
  }
}

resource "aws_sqs_queue_policy" "named" {
  queue_url = aws_sqs_queue.named.id
  policy    = data.aws_iam_policy_document.named.json
}
