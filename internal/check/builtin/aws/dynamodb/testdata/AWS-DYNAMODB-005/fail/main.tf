resource "aws_dynamodb_table" "orders" { # want: AWS-DYNAMODB-005
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_dynamodb_table_replica" "orders" {
  global_table_arn            = aws_dynamodb_table.orders.arn
  deletion_protection_enabled = false # want: AWS-DYNAMODB-005
}
