variable "scan_on_push" {}
variable "registry_filter" {}

resource "aws_ecr_repository" "app" {
  name = "app"
  image_scanning_configuration {
    scan_on_push = var.scan_on_push
  }
}

# Whether this rule covers "worker" is unknown.
resource "aws_ecr_registry_scanning_configuration" "this" {
  scan_type = "ENHANCED"
  rule {
    scan_frequency = "CONTINUOUS_SCAN"
    repository_filter {
      filter      = var.registry_filter
      filter_type = "WILDCARD"
    }
  }
}

resource "aws_ecr_repository" "worker" {
  name = "worker"
}
