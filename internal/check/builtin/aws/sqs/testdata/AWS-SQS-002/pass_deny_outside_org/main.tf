# Anyone may send, but a Deny in the same policy refuses every caller
# outside the organization, anonymous ones included: they have no
# aws:PrincipalOrgID, and StringNotEquals on a missing key is true.
resource "aws_sqs_queue" "orders" {
  name = "orders"
}

resource "aws_sqs_queue_policy" "orders" {
  queue_url = aws_sqs_queue.orders.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Principal = "*", Action = "sqs:SendMessage", Resource = "arn:aws:sqs:us-east-1:111122223333:orders" },
      {
        Effect    = "Deny"
        Principal = "*"
        Action    = "sqs:*"
        Resource  = "arn:aws:sqs:us-east-1:111122223333:orders"
        Condition = { StringNotEquals = { "aws:PrincipalOrgID" = "o-abc1234567" } }
      },
    ]
  })
}

resource "aws_sqs_queue" "events" {
  name = "events"
}

# The Deny spares the account's own principals only.
data "aws_iam_policy_document" "events" {
  statement {
    actions   = ["sqs:SendMessage", "sqs:ReceiveMessage"]
    resources = ["arn:aws:sqs:us-east-1:111122223333:events"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }

  statement {
    effect    = "Deny"
    actions   = ["sqs:*"]
    resources = ["*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "StringNotEquals"
      variable = "aws:PrincipalAccount"
      values   = ["111122223333"]
    }
  }
}

resource "aws_sqs_queue_policy" "events" {
  queue_url = aws_sqs_queue.events.id
  policy    = data.aws_iam_policy_document.events.json
}
