resource "aws_config_configuration_recorder" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/aws-config"
}

resource "aws_config_delivery_channel" "main" {
  name           = "main"
  s3_bucket_name = "example-config"
  depends_on     = [aws_config_configuration_recorder.main]
}

resource "aws_config_configuration_recorder_status" "main" {
  name       = aws_config_configuration_recorder.main.name
  is_enabled = false # want: AWS-CONFIG-003
  depends_on = [aws_config_delivery_channel.main]
}

# Unnamed recorders are called "default"; the status names it literally.
resource "aws_config_configuration_recorder" "default" {
  role_arn = "arn:aws:iam::111122223333:role/aws-config"
}

resource "aws_config_configuration_recorder_status" "default" {
  name       = "default"
  is_enabled = false # want: AWS-CONFIG-003
}
