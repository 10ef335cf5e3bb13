variable "tokens" {
  type = string
}

resource "aws_launch_template" "web" {
  name          = "web"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }
}

resource "aws_launch_template" "unknown" {
  name     = "unknown"
  image_id = "ami-0abcdef1234567890"

  metadata_options {
    http_tokens = var.tokens
  }
}
