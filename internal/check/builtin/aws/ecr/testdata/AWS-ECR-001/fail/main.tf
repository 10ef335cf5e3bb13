resource "aws_ecr_repository" "app" { # want: AWS-ECR-001
  name = "app"
}

resource "aws_ecr_repository" "worker" {
  name = "worker"
  image_scanning_configuration {
    scan_on_push = false # want: AWS-ECR-001
  }
}
