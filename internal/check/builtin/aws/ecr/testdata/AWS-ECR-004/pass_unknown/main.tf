variable "repository" {}
variable "principal" {}

resource "aws_ecr_repository" "app" {
  name = "app"
}

# Might be app's policy: app's policy is unknown, not absent.
resource "aws_ecr_repository_policy" "any" {
  repository = var.repository
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = var.principal
      Action    = "ecr:BatchGetImage"
    }]
  })
}
