resource "aws_guardduty_detector" "main" {}

resource "aws_guardduty_detector_feature" "malware" {
  detector_id = aws_guardduty_detector.main.id
  name        = "EBS_MALWARE_PROTECTION"
  status      = "DISABLED" # want: AWS-GUARDDUTY-004
}

resource "aws_guardduty_detector" "legacy" {
  datasources {
    malware_protection {
      scan_ec2_instance_with_findings {
        ebs_volumes {
          enable = false # want: AWS-GUARDDUTY-004
        }
      }
    }
  }
}
