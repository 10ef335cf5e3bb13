variable "selectors" {
  type = list(object({ field = string, equals = list(string) }))
}

variable "multi_region" {
  type = bool
}

resource "aws_cloudtrail" "dynamic" {
  name                  = "dynamic"
  s3_bucket_name        = "example-trail-logs"
  is_multi_region_trail = true

  advanced_event_selector {
    name = "From variables"
    dynamic "field_selector" {
      for_each = var.selectors
      content {
        field  = field_selector.value.field
        equals = field_selector.value.equals
      }
    }
  }
}

# Whether CIS judges this trail is unknown.
resource "aws_cloudtrail" "maybe_regional" {
  name                  = "maybe-regional"
  s3_bucket_name        = "example-trail-logs"
  is_multi_region_trail = var.multi_region
}
