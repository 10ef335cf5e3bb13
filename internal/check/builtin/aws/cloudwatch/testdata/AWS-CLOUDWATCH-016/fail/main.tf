resource "aws_cloudwatch_log_group" "app" { # want: AWS-CLOUDWATCH-016
  name              = "/app/api"
  retention_in_days = 365
}
