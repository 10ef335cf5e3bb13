variable "detector_id" {
  type = string
}

variable "status" {
  type = string
}

resource "aws_guardduty_detector" "main" {}

resource "aws_guardduty_detector_feature" "s3" {
  detector_id = aws_guardduty_detector.main.id
  name        = "S3_DATA_EVENTS"
  status      = var.status
}

resource "aws_guardduty_detector" "legacy" {
  datasources {
    s3_logs {
      enable = false
    }
  }
}

# Might configure the legacy detector too.
resource "aws_guardduty_detector_feature" "any" {
  detector_id = var.detector_id
  name        = "S3_DATA_EVENTS"
  status      = "ENABLED"
}
