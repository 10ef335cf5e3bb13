resource "aws_config_configuration_recorder" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/aws-config"
}

resource "aws_config_configuration_recorder_status" "main" {
  name       = aws_config_configuration_recorder.main.name
  is_enabled = true
}

# Without a status resource the recorder may be started elsewhere: not judged.
resource "aws_config_configuration_recorder" "unmanaged" {
  name     = "unmanaged"
  role_arn = "arn:aws:iam::111122223333:role/aws-config"
}
