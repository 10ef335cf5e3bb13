variable "recorder_name" {
  type = string
}

variable "enabled" {
  type = bool
}

resource "aws_config_configuration_recorder" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/aws-config"
}

resource "aws_config_configuration_recorder_status" "main" {
  name       = aws_config_configuration_recorder.main.name
  is_enabled = var.enabled
}

resource "aws_config_configuration_recorder" "other" {
  name     = "other"
  role_arn = "arn:aws:iam::111122223333:role/aws-config"
}

# Might be the status of either recorder.
resource "aws_config_configuration_recorder_status" "any" {
  name       = var.recorder_name
  is_enabled = false
}
