variable "script" {
  type = string
}

resource "aws_instance" "app" {
  ami                  = "ami-0abcdef1234567890"
  instance_type        = "t3.micro"
  iam_instance_profile = "app"
  user_data            = <<-EOT
    #!/bin/bash
    DB_PASSWORD="$(aws secretsmanager get-secret-value --secret-id app/db --query SecretString --output text)"
    export DB_PASSWORD
    echo "password_file=/run/secrets/db" >> /etc/app.conf
  EOT
}

resource "aws_instance" "none" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
}

resource "aws_instance" "unknown" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  user_data     = var.script
}
