variable "actions" {
  type = list(string)
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:role/producer" }
      Action    = var.actions
      Resource  = "arn:aws:sqs:us-east-1:111122223333:jobs"
    }]
  })
}
