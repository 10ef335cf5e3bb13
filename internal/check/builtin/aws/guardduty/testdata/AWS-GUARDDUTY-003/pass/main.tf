resource "aws_guardduty_detector" "main" {}

resource "aws_guardduty_detector_feature" "eks" {
  detector_id = aws_guardduty_detector.main.id
  name        = "EKS_AUDIT_LOGS"
  status      = "ENABLED"
}

resource "aws_guardduty_detector" "legacy" {
  datasources {
    kubernetes {
      audit_logs {
        enable = true
      }
    }
  }
}
