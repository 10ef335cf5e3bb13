variable "http_tokens" {
  type = string
}

variable "launch_template_id" {
  type = string
}

resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"

  metadata_options {
    http_tokens = var.http_tokens
  }
}

# Metadata options come from a template outside this configuration.
resource "aws_instance" "from_template" {
  launch_template {
    id = var.launch_template_id
  }
}
