variable "org" {
  type = string
}

resource "aws_sqs_queue" "orders" {
  name = "orders"
}

# The organization is unknown: the Deny may refuse every outsider (an
# organization ID) or nobody ("*").
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
        Condition = { StringNotEquals = { "aws:PrincipalOrgID" = var.org } }
      },
    ]
  })
}
