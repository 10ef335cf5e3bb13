variable "user_data" {
  type = string
}

resource "aws_launch_template" "app" {
  name     = "app"
  image_id = "ami-0abcdef1234567890"
  user_data = base64encode(<<-EOT
    #!/bin/bash
    yum install -y nginx
    systemctl enable --now nginx
  EOT
  )
}

resource "aws_launch_template" "unknown" {
  name      = "unknown"
  image_id  = "ami-0abcdef1234567890"
  user_data = var.user_data
}
