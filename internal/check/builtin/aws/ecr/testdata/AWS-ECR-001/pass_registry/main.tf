# Registry-level enhanced scanning covers every repository.
resource "aws_ecr_registry_scanning_configuration" "this" {
  scan_type = "ENHANCED"
  rule {
    scan_frequency = "SCAN_ON_PUSH"
    repository_filter {
      filter      = "*"
      filter_type = "WILDCARD"
    }
  }
}

resource "aws_ecr_repository" "app" {
  name = "app"
}

resource "aws_ecr_repository" "team" {
  name = "team-a/api"
}
