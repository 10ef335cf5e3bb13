resource "aws_ecr_repository" "app" {
  name = "app"
}

resource "aws_ecr_repository_policy" "app" {
  repository = aws_ecr_repository.app.name
  policy = jsonencode({ # want: AWS-ECR-004
    Version = "2012-10-17"
    Statement = [{
      Sid       = "PublicPull"
      Effect    = "Allow"
      Principal = "*"
      Action    = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
    }]
  })
}

resource "aws_ecr_repository" "tools" {
  name = "tools"
}

locals {
  tools_policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Principal": {"AWS": "*"},
          "Action": "ecr:*"
        }
      ]
    }
  EOT
}

resource "aws_ecr_repository_policy" "tools" {
  repository = "tools"
  policy     = local.tools_policy # want: AWS-ECR-004
}
