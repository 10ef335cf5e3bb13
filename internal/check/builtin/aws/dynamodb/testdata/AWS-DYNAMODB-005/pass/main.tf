resource "aws_dynamodb_table" "orders" {
  name                        = "orders"
  deletion_protection_enabled = true
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}
