resource "aws_kms_key" "orders" {
  description         = "orders table"
  enable_key_rotation = true
}

resource "aws_kms_key" "orders_replica" {
  provider            = aws.replica
  description         = "orders table replica"
  enable_key_rotation = true
}

provider "aws" {
  alias  = "replica"
  region = "eu-central-1"
}

# The key ARNs are only known after apply, but they are keys this
# configuration creates: customer managed keys.
resource "aws_dynamodb_table" "orders" {
  name             = "orders"
  billing_mode     = "PAY_PER_REQUEST"
  hash_key         = "id"
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"

  attribute {
    name = "id"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.orders.arn
  }
}

resource "aws_dynamodb_table_replica" "orders" {
  provider         = aws.replica
  global_table_arn = aws_dynamodb_table.orders.arn
  kms_key_arn      = aws_kms_key.orders_replica.arn
}
