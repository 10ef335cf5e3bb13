variable "log_types" {
  type = set(string)
}

resource "aws_opensearch_domain" "logs" {
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"

  dynamic "log_publishing_options" {
    for_each = var.log_types
    content {
      log_type                 = log_publishing_options.value
      cloudwatch_log_group_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/opensearch/logs"
    }
  }
}
