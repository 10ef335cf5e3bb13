resource "aws_dynamodb_table" "orders" { # want: AWS-DYNAMODB-002
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_dynamodb_table" "payments" {
  name         = "payments"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  server_side_encryption { # want: AWS-DYNAMODB-002
    enabled = true
  }
}

resource "aws_dynamodb_table_replica" "payments" {
  global_table_arn = aws_dynamodb_table.payments.arn
  kms_key_arn      = "arn:aws:kms:eu-west-1:123456789012:alias/aws/dynamodb" # want: AWS-DYNAMODB-002
}
