resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}

data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = ["${aws_s3_bucket.data.arn}/*"]
  }

  # Every action, but on one resource only: not full administration.
  statement {
    actions   = ["*"]
    resources = [aws_s3_bucket.data.arn]
  }

  statement {
    effect    = "Deny"
    actions   = ["*"]
    resources = ["*"]
    condition {
      test     = "BoolIfExists"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["false"]
    }
  }
}

resource "aws_iam_policy" "app" {
  name   = "app"
  policy = data.aws_iam_policy_document.app.json
}

# Everything but IAM and Organizations: broad, but no way to grant itself
# more.
data "aws_iam_policy_document" "power_user" {
  statement {
    not_actions = ["iam:*", "organizations:*", "account:*"]
    resources   = ["*"]
  }
}

resource "aws_iam_policy" "power_user" {
  name   = "power-user"
  policy = data.aws_iam_policy_document.power_user.json
}

# NotAction on one resource only.
resource "aws_iam_policy" "not_action_scoped" {
  name = "not-action-scoped"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", NotAction = ["s3:DeleteBucket"], Resource = "arn:aws:s3:::example-data" }]
  })
}
