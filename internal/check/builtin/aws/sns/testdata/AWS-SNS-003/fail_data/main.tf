resource "aws_sns_topic" "t" {
  name = "alerts"
}

# The topic ARN is known only at apply time; the public principal is known.
data "aws_iam_policy_document" "t" {
  statement { # want: AWS-SNS-003
    actions   = ["sns:Subscribe"]
    resources = ["${aws_sns_topic.t.arn}"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

resource "aws_sns_topic_policy" "t" {
  arn    = aws_sns_topic.t.arn
  policy = data.aws_iam_policy_document.t.json
}
