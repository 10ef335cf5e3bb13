variable "publisher_arn" {
  type = string
}

resource "aws_sns_topic" "t" {
  name = "alerts"
}

# The principal is unknown: it might be anyone, or not.
data "aws_iam_policy_document" "t" {
  statement {
    actions   = ["sns:Publish"]
    resources = ["${aws_sns_topic.t.arn}"]
    principals {
      type        = "AWS"
      identifiers = [var.publisher_arn]
    }
  }
}

resource "aws_sns_topic_policy" "t" {
  arn    = aws_sns_topic.t.arn
  policy = data.aws_iam_policy_document.t.json
}

resource "aws_sns_topic" "events" {
  name = "events"
}

# Open to anyone but only from the account's own resources.
data "aws_iam_policy_document" "events" {
  statement {
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.events.arn]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = ["111122223333"]
    }
  }
}

resource "aws_sns_topic_policy" "events" {
  arn    = aws_sns_topic.events.arn
  policy = data.aws_iam_policy_document.events.json
}
