resource "aws_opensearch_domain" "logs" { # want: AWS-OPENSEARCH-006
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"

  log_publishing_options {
    log_type                 = "ES_APPLICATION_LOGS"
    cloudwatch_log_group_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/opensearch/logs/app"
  }
}

resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.13"

  log_publishing_options {
    log_type                 = "AUDIT_LOGS"
    cloudwatch_log_group_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/opensearch/search/audit"
    enabled                  = false # want: AWS-OPENSEARCH-006
  }
}
