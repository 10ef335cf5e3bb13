data "aws_kms_key" "ecr" {
  key_id = "alias/aws/ecr"
}

resource "aws_ecr_repository" "app" {
  name = "app"
  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = data.aws_kms_key.ecr.arn # want: AWS-ECR-003
  }
}
