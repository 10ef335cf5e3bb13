variable "domain_name" {
  type = string
}

resource "aws_opensearch_domain" "logs" {
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"
}

# Might be the policy of logs: its policy is unknown.
resource "aws_opensearch_domain_policy" "any" {
  domain_name = var.domain_name
  access_policies = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "es:*"
      Resource  = "*"
    }]
  })
}
