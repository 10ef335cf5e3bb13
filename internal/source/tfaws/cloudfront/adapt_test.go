package cloudfront

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/vigil-sec/vigil/internal/source/terraform"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// TestS3Origin covers how an origin is recognised as an S3 REST endpoint:
// "yes", "no", or "?" when unknown.
func TestS3Origin(t *testing.T) {
	const src = `
variable "domain" {}

resource "aws_s3_bucket" "b" {
  bucket = "example"
}

resource "aws_cloudfront_distribution" "d" {
  enabled = true
  origin {
    origin_id   = "regional-ref"
    domain_name = aws_s3_bucket.b.bucket_regional_domain_name
  }
  origin {
    origin_id   = "website-ref"
    domain_name = aws_s3_bucket.b.website_endpoint
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "http-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
  origin {
    origin_id   = "regional-literal"
    domain_name = "example.s3.eu-west-1.amazonaws.com"
  }
  origin {
    origin_id   = "legacy-literal"
    domain_name = "example.s3-eu-west-1.amazonaws.com"
  }
  origin {
    origin_id   = "website-literal"
    domain_name = "example.s3-website-eu-west-1.amazonaws.com"
  }
  origin {
    origin_id   = "s3-config"
    domain_name = var.domain
    s3_origin_config {
      origin_access_identity = ""
    }
  }
  origin {
    origin_id   = "unknown"
    domain_name = var.domain
  }
  origin {
    origin_id   = "alb"
    domain_name = "app.example.com"
  }
  default_cache_behavior {
    target_origin_id       = "alb"
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
`
	res, err := terraform.Load(context.Background(), fstest.MapFS{"main.tf": {Data: []byte(src)}}, ".", terraform.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Diagnostics.HasErrors() {
		t.Fatalf("diagnostics: %v", res.Diagnostics)
	}
	got := map[string]string{}
	for _, d := range Adapt(tfres.NewSet(res.Resources)).Distributions {
		for _, o := range d.Origins {
			s3, ok := o.S3.Get()
			switch {
			case !ok:
				got[o.OriginID.Val()] = "?"
			case s3:
				got[o.OriginID.Val()] = "yes"
			default:
				got[o.OriginID.Val()] = "no"
			}
		}
	}
	want := map[string]string{
		"regional-ref":     "yes",
		"website-ref":      "no",
		"regional-literal": "yes",
		"legacy-literal":   "yes",
		"website-literal":  "no",
		"s3-config":        "yes",
		"unknown":          "?",
		"alb":              "no",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("S3 origins (-want +got):\n%s", diff)
	}
}
