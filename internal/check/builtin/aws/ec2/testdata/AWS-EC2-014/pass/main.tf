variable "kms_key_id" {
  type = string
}

resource "aws_kms_key" "ebs" {
  description = "EBS volumes"
}

resource "aws_ebs_volume" "cmk" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
  kms_key_id        = aws_kms_key.ebs.arn
}

resource "aws_ebs_volume" "unknown" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
  kms_key_id        = var.kms_key_id
}

# Unencrypted volumes are AWS-EC2-013's business.
resource "aws_ebs_volume" "plain" {
  availability_zone = "us-east-1a"
  size              = 10
}
