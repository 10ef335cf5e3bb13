variable "viewer_policy" {}
variable "tls_policy" {}
variable "web_acl_id" {}
variable "origin_policy" {}
variable "ssl_protocols" {
  type = list(string)
}
variable "origin_domain" {}
variable "oac_id" {}
variable "distribution_arn" {}

resource "aws_cloudfront_distribution" "unknown" {
  enabled    = true
  web_acl_id = var.web_acl_id

  origin {
    domain_name              = var.origin_domain
    origin_id                = "maybe-s3"
    origin_access_control_id = var.oac_id
  }

  origin {
    domain_name = "api.internal.example.com"
    origin_id   = "api"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = var.origin_policy
      origin_ssl_protocols   = var.ssl_protocols
    }
  }

  default_cache_behavior {
    target_origin_id       = "api"
    viewer_protocol_policy = var.viewer_policy
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:111122223333:certificate/12345678-1234-1234-1234-123456789012"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = var.tls_policy
  }
}

# Might deliver the distribution's access logs: its logging is unknown.
resource "aws_cloudwatch_log_delivery_source" "cdn" {
  name         = "cdn"
  log_type     = "ACCESS_LOGS"
  resource_arn = var.distribution_arn
}
