# The trail names its log group by a literal ARN, the filter uses the CIS
# v1.2 pattern, and the alarm watches the metric through metric math.
resource "aws_cloudwatch_log_group" "trail" {
  name = "/aws/cloudtrail/org"
}

resource "aws_cloudtrail" "org" {
  name                       = "org"
  s3_bucket_name             = "example-trail-logs"
  is_multi_region_trail      = true
  is_organization_trail      = true
  cloud_watch_logs_group_arn = "arn:aws:logs:us-east-1:111122223333:log-group:/aws/cloudtrail/org:*"
  cloud_watch_logs_role_arn  = "arn:aws:iam::111122223333:role/cloudtrail-to-cloudwatch"
}

resource "aws_cloudwatch_log_metric_filter" "unauthorized" {
  name           = "unauthorized-api-calls"
  log_group_name = "/aws/cloudtrail/org"
  pattern        = "{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\") }"

  metric_transformation {
    name      = "UnauthorizedAPICalls"
    namespace = "Security"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "unauthorized" {
  alarm_name          = "unauthorized-api-calls"
  comparison_operator = "GreaterThanOrEqualToThreshold"
  evaluation_periods  = 1
  threshold           = 1
  alarm_actions       = ["arn:aws:sns:us-east-1:111122223333:security-alerts"]

  metric_query {
    id          = "total"
    expression  = "SUM([calls])"
    return_data = true
  }

  metric_query {
    id = "calls"
    metric {
      metric_name = "UnauthorizedAPICalls"
      namespace   = "Security"
      period      = 300
      stat        = "Sum"
    }
  }
}
