variable "fgac" {
  type = bool
}

resource "aws_opensearch_domain" "logs" {
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"

  advanced_security_options {
    enabled = var.fgac
  }
}
