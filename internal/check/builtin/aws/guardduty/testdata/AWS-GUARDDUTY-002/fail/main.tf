resource "aws_guardduty_detector" "main" {}

resource "aws_guardduty_detector_feature" "s3" {
  detector_id = aws_guardduty_detector.main.id
  name        = "S3_DATA_EVENTS"
  status      = "DISABLED" # want: AWS-GUARDDUTY-002
}

resource "aws_guardduty_detector" "legacy" {
  datasources {
    s3_logs {
      enable = false # want: AWS-GUARDDUTY-002
    }
  }
}
