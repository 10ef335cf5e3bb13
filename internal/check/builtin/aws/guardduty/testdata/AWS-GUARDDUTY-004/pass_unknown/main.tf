variable "scan_volumes" {
  type = bool
}

resource "aws_guardduty_detector" "main" {
  datasources {
    malware_protection {
      scan_ec2_instance_with_findings {
        ebs_volumes {
          enable = var.scan_volumes
        }
      }
    }
  }
}
