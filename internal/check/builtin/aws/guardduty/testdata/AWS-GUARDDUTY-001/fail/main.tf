resource "aws_guardduty_detector" "main" {
  enable = false # want: AWS-GUARDDUTY-001
}
