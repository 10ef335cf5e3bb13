resource "aws_cloudtrail" "basic" {
  name                  = "basic"
  s3_bucket_name        = "example-trail-logs"
  is_multi_region_trail = true

  event_selector {
    read_write_type           = "WriteOnly"
    include_management_events = true

    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3"]
    }
  }
}

resource "aws_cloudtrail" "advanced" {
  name                  = "advanced"
  s3_bucket_name        = "example-trail-logs"
  is_multi_region_trail = true

  advanced_event_selector {
    name = "Management events"
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
  }

  advanced_event_selector {
    name = "S3 object events"
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }
  }
}

resource "aws_cloudtrail" "some_buckets" {
  name                  = "some-buckets"
  s3_bucket_name        = "example-trail-logs"
  is_multi_region_trail = true

  advanced_event_selector {
    name = "Writes to the data bucket"
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }
    field_selector {
      field       = "resources.ARN"
      starts_with = ["arn:aws:s3:::example-data/"]
    }
    field_selector {
      field      = "readOnly"
      not_equals = ["true"]
    }
  }
}
