resource "aws_guardduty_detector" "main" {}

resource "aws_guardduty_detector_feature" "s3" {
  detector_id = aws_guardduty_detector.main.id
  name        = "S3_DATA_EVENTS"
  status      = "ENABLED"
}

# The feature resource replaces the deprecated data source setting.
resource "aws_guardduty_detector" "migrated" {
  datasources {
    s3_logs {
      enable = false
    }
  }
}

resource "aws_guardduty_detector_feature" "migrated_s3" {
  detector_id = aws_guardduty_detector.migrated.id
  name        = "S3_DATA_EVENTS"
  status      = "ENABLED"
}

# Not configured: GuardDuty decides, so it is not judged.
resource "aws_guardduty_detector" "unconfigured" {}
