variable "read_write_type" {
  type = string
}

variable "data_resources" {
  type = list(object({ type = string, values = list(string) }))
}

resource "aws_cloudtrail" "rw_unknown" {
  name                  = "rw-unknown"
  s3_bucket_name        = "example-trail-logs"
  is_multi_region_trail = true

  event_selector {
    read_write_type = var.read_write_type

    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3"]
    }
  }
}

resource "aws_cloudtrail" "dynamic" {
  name                  = "dynamic"
  s3_bucket_name        = "example-trail-logs"
  is_multi_region_trail = true

  event_selector {
    read_write_type = "All"

    dynamic "data_resource" {
      for_each = var.data_resources
      content {
        type   = data_resource.value.type
        values = data_resource.value.values
      }
    }
  }
}
