resource "aws_config_configuration_recorder" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/aws-config"

  recording_group {
    all_supported  = false # want: AWS-CONFIG-001
    resource_types = ["AWS::EC2::Instance", "AWS::S3::Bucket"]
  }
}
