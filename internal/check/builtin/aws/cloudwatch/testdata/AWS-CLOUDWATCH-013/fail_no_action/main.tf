resource "aws_sns_topic" "alerts" {
  name = "security-alerts"
}

resource "aws_cloudwatch_log_group" "trail" {
  name              = "/aws/cloudtrail/main"
  retention_in_days = 365
}

resource "aws_cloudtrail" "main" { # want: AWS-CLOUDWATCH-013
  name                       = "main"
  s3_bucket_name             = "example-trail-logs"
  is_multi_region_trail      = true
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn  = "arn:aws:iam::111122223333:role/cloudtrail-to-cloudwatch"
}

resource "aws_cloudwatch_log_metric_filter" "cis" {
  name           = "route-table-changes"
  log_group_name = aws_cloudwatch_log_group.trail.name
  pattern        = "{($.eventSource = ec2.amazonaws.com) && (($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable)) }"

  metric_transformation {
    name      = "RouteTableChanges"
    namespace = "CISBenchmark"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "no_actions" {
  alarm_name          = "route-table-changes"
  metric_name         = "RouteTableChanges"
  namespace           = "CISBenchmark"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  alarm_actions       = []
}

resource "aws_cloudwatch_metric_alarm" "disabled" {
  alarm_name          = "route-table-changes-disabled"
  metric_name         = "RouteTableChanges"
  namespace           = "CISBenchmark"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  actions_enabled     = false
  alarm_actions       = [aws_sns_topic.alerts.arn]
}
