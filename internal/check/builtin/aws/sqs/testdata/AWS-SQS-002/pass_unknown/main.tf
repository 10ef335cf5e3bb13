variable "queue_url" {
  type = string
}

variable "policy" {
  type = string
}

resource "aws_sqs_queue" "inline" {
  name   = "inline"
  policy = var.policy
}

resource "aws_sqs_queue" "other" {
  name = "other"
}

# Might attach to either queue: their policies are unknown.
resource "aws_sqs_queue_policy" "any" {
  queue_url = var.queue_url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "sqs:*"
      Resource  = "*"
    }]
  })
}
