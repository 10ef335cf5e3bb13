resource "aws_cloudtrail" "main" { # want: AWS-CLOUDTRAIL-007
  name                  = "main"
  s3_bucket_name        = "example-trail-logs"
  is_multi_region_trail = true
}

resource "aws_cloudtrail" "writes" {
  name                  = "writes"
  s3_bucket_name        = "example-trail-logs"
  is_multi_region_trail = true

  event_selector { # want: AWS-CLOUDTRAIL-007
    read_write_type = "WriteOnly"

    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3"]
    }
  }
}

resource "aws_cloudtrail" "advanced_writes" {
  name                  = "advanced-writes"
  s3_bucket_name        = "example-trail-logs"
  is_multi_region_trail = true

  advanced_event_selector { # want: AWS-CLOUDTRAIL-007
    name = "S3 writes"
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
      equals = ["false"]
    }
  }
}
