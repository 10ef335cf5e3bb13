resource "aws_ebs_encryption_by_default" "this" {
  enabled = false # want: AWS-EC2-015
}
