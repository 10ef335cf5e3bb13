variable "kms_key_arn" {
  type = string
}

resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = var.kms_key_arn
  }
}

resource "aws_dynamodb_table_replica" "orders" {
  global_table_arn = aws_dynamodb_table.orders.arn
  kms_key_arn      = var.kms_key_arn
}
