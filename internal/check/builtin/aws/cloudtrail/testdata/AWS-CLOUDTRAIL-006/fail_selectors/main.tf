resource "aws_cloudtrail" "read_only" {
  name                  = "read-only"
  s3_bucket_name        = "example-trail-logs"
  is_multi_region_trail = true

  event_selector { # want: AWS-CLOUDTRAIL-006
    read_write_type           = "ReadOnly"
    include_management_events = true

    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3"]
    }
  }
}

resource "aws_cloudtrail" "lambda_only" {
  name                  = "lambda-only"
  s3_bucket_name        = "example-trail-logs"
  is_multi_region_trail = true

  event_selector { # want: AWS-CLOUDTRAIL-006
    data_resource {
      type   = "AWS::Lambda::Function"
      values = ["arn:aws:lambda"]
    }
  }
}

resource "aws_cloudtrail" "advanced_reads" {
  name                  = "advanced-reads"
  s3_bucket_name        = "example-trail-logs"
  is_multi_region_trail = true

  advanced_event_selector { # want: AWS-CLOUDTRAIL-006
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

resource "aws_cloudtrail" "management" {
  name                  = "management"
  s3_bucket_name        = "example-trail-logs"
  is_multi_region_trail = true

  advanced_event_selector { # want: AWS-CLOUDTRAIL-006
    name = "Management events"
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
  }
}
