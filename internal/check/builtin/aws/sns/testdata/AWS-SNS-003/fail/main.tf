# Resources are literal ARNs here; fail_data covers policies around ARNs
# known only at apply time.
resource "aws_sns_topic" "inline" {
  name = "inline"
  policy = jsonencode({ # want: AWS-SNS-003
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = ["SNS:Subscribe", "SNS:Receive"]
      Resource  = "*"
    }]
  })
}

resource "aws_sns_topic" "split" {
  name = "split"
}

resource "aws_sns_topic_policy" "split" {
  arn = aws_sns_topic.split.arn
  policy = jsonencode({ # want: AWS-SNS-003
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "OwnerOnly"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:root" }
        Action    = "sns:*"
        Resource  = "arn:aws:sns:us-east-1:111122223333:split"
      },
      {
        Sid       = "AnyonePublishes"
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = "sns:Pub*"
        Resource  = "arn:aws:sns:us-east-1:111122223333:split"
      },
    ]
  })
}
