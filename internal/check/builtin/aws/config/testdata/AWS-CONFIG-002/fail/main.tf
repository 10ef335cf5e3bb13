resource "aws_config_configuration_recorder" "default" { # want: AWS-CONFIG-002
  role_arn = "arn:aws:iam::111122223333:role/aws-config"
}

resource "aws_config_configuration_recorder" "explicit" {
  name     = "explicit"
  role_arn = "arn:aws:iam::111122223333:role/aws-config"

  recording_group {
    all_supported                 = true
    include_global_resource_types = false # want: AWS-CONFIG-002
  }
}
