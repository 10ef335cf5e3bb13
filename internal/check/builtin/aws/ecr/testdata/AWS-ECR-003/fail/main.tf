resource "aws_ecr_repository" "app" { # want: AWS-ECR-003
  name = "app"
}

resource "aws_ecr_repository" "managed" {
  name = "managed"
  encryption_configuration { # want: AWS-ECR-003
    encryption_type = "KMS"
  }
}
