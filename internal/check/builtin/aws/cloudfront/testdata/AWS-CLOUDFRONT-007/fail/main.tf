resource "aws_s3_bucket" "assets" {
  bucket = "example-assets"
}

resource "aws_cloudfront_distribution" "assets" {
  enabled = true

  origin { # want: AWS-CLOUDFRONT-007
    domain_name = aws_s3_bucket.assets.bucket_regional_domain_name
    origin_id   = "assets"
  }

  origin { # want: AWS-CLOUDFRONT-007
    domain_name = "example-media.s3.eu-west-1.amazonaws.com"
    origin_id   = "media"
    s3_origin_config {
      origin_access_identity = ""
    }
  }

  default_cache_behavior {
    target_origin_id       = "assets"
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
