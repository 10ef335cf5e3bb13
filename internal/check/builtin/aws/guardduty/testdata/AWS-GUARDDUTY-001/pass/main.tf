# enable defaults to true.
resource "aws_guardduty_detector" "main" {}

resource "aws_guardduty_detector" "explicit" {
  enable                       = true
  finding_publishing_frequency = "FIFTEEN_MINUTES"
}
