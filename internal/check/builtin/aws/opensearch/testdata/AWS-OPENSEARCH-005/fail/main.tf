resource "aws_opensearch_domain" "logs" {
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"
  access_policies = jsonencode({ # want: AWS-OPENSEARCH-005
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "es:*"
      Resource  = "arn:aws:es:eu-west-1:123456789012:domain/logs/*"
    }]
  })
}

resource "aws_elasticsearch_domain" "legacy" {
  domain_name           = "legacy"
  elasticsearch_version = "7.10"
}

resource "aws_elasticsearch_domain_policy" "legacy" {
  domain_name = aws_elasticsearch_domain.legacy.domain_name
  access_policies = jsonencode({ # want: AWS-OPENSEARCH-005
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "es:ESHttpGet"
      Resource  = "arn:aws:es:eu-west-1:123456789012:domain/legacy/*"
    }]
  })
}
