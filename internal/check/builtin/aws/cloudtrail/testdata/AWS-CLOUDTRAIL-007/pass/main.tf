resource "aws_cloudtrail" "basic" {
  name                  = "basic"
  s3_bucket_name        = "example-trail-logs"
  is_multi_region_trail = true

  event_selector {
    read_write_type           = "All"
    include_management_events = true

    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3:::example-data/"]
    }
  }
}

resource "aws_cloudtrail" "advanced" {
  name                  = "advanced"
  s3_bucket_name        = "example-trail-logs"
  is_multi_region_trail = true

  advanced_event_selector {
    name = "S3 reads"
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }
    field_selector {
      field  = "readOnly"
      equals = ["true"]
    }
  }
}
