resource "aws_ecr_repository" "app" { # want: AWS-ECR-002
  name = "app"
}

resource "aws_ecr_repository" "worker" {
  name                 = "worker"
  image_tag_mutability = "MUTABLE" # want: AWS-ECR-002
}
