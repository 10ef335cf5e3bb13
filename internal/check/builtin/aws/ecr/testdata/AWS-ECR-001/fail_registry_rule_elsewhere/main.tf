# The registry rule covers only the "team-a/" repositories.
resource "aws_ecr_registry_scanning_configuration" "this" {
  scan_type = "ENHANCED"
  rule {
    scan_frequency = "CONTINUOUS_SCAN"
    repository_filter {
      filter      = "team-a/*"
      filter_type = "WILDCARD"
    }
  }
}

resource "aws_ecr_repository" "other" { # want: AWS-ECR-001
  name = "team-b/api"
}
