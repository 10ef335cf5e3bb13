# Never expiring (the default) keeps logs too.
resource "aws_cloudwatch_log_group" "forever" {
  name = "/app/forever"
}

resource "aws_cloudwatch_log_group" "year" {
  name              = "/app/year"
  retention_in_days = 400
}

resource "aws_cloudwatch_log_group" "explicit_forever" {
  name              = "/app/explicit-forever"
  retention_in_days = 0
}
