# The database host is known only at apply time; the password is written out.
variable "db_host" {
  type = string
}

resource "aws_instance" "app" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  user_data     = /* # want: AWS-EC2-010 */ <<-EOT
    #!/bin/bash
    DB_HOST="${var.db_host}"
    DB_PASSWORD="Sup3r-S3cret-Pa55"
    export DB_HOST DB_PASSWORD
  EOT
}
