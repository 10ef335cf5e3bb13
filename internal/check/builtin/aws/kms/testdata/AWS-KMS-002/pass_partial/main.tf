variable "who" {
  type = string
}

# The principal is unknown: it might be anyone, or not.
resource "aws_kms_key" "k" {
  enable_key_rotation = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = var.who }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}
