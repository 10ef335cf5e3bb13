variable "https" {
  type = bool
}

resource "aws_opensearch_domain" "logs" {
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"

  domain_endpoint_options {
    enforce_https = var.https
  }
}

# Without the block the service picks the setting: not judged.
resource "aws_opensearch_domain" "unset" {
  domain_name    = "unset"
  engine_version = "OpenSearch_2.13"
}
