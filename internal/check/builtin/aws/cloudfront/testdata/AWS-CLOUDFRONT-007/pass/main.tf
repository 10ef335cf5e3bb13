resource "aws_cloudfront_distribution" "oai" {
  enabled = true

  origin {
    domain_name = "example-legacy.s3.amazonaws.com"
    origin_id   = "legacy"
    s3_origin_config {
      origin_access_identity = "origin-access-identity/cloudfront/E127EXAMPLE51Z"
    }
  }

  # A website endpoint is a custom origin: OAC does not apply.
  origin {
    domain_name = "example-site.s3-website-eu-west-1.amazonaws.com"
    origin_id   = "website"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id       = "legacy"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
