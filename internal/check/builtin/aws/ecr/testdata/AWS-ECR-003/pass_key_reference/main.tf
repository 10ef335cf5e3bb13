resource "aws_kms_key" "ecr" {
  description         = "ECR repositories"
  enable_key_rotation = true
}

resource "aws_kms_alias" "ecr" {
  name          = "alias/ecr"
  target_key_id = aws_kms_key.ecr.key_id
}

resource "aws_ecr_repository" "app" {
  name = "app"
  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = aws_kms_key.ecr.arn
  }
}

resource "aws_ecr_repository" "worker" {
  name = "worker"
  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = aws_kms_alias.ecr.target_key_arn
  }
}
