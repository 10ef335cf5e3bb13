data "aws_kms_key" "ebs" {
  key_id = "alias/aws/ebs"
}

resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
  kms_key_id        = data.aws_kms_key.ebs.arn # want: AWS-EC2-014
}
