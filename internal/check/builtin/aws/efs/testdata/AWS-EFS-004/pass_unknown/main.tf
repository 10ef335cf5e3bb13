variable "file_system_id" {
  type = string
}

resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
  encrypted      = true
}

# Might be the policy of shared: its policy is unknown.
resource "aws_efs_file_system_policy" "any" {
  file_system_id = var.file_system_id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "elasticfilesystem:ClientMount"
      Resource  = "*"
    }]
  })
}
