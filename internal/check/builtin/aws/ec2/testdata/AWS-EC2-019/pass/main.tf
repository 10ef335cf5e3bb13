variable "monitoring" {
  type = bool
}

resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  monitoring    = true
}

resource "aws_instance" "unknown" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  monitoring    = var.monitoring
}
