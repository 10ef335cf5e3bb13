variable "policy" {
  type = string
}

variable "topic_arn" {
  type = string
}

resource "aws_sns_topic" "inline" {
  name   = "inline"
  policy = var.policy
}

# Might attach to the topic below: its policy is unknown.
resource "aws_sns_topic" "other" {
  name = "other"
}

resource "aws_sns_topic_policy" "any" {
  arn = var.topic_arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "sns:Publish"
      Resource  = "*"
    }]
  })
}
