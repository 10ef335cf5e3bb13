resource "aws_opensearch_domain" "logs" { # want: AWS-OPENSEARCH-001
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"
}

resource "aws_elasticsearch_domain" "legacy" {
  domain_name           = "legacy"
  elasticsearch_version = "7.10"

  encrypt_at_rest {
    enabled = false # want: AWS-OPENSEARCH-001
  }
}
