variable "subnet_id" {
  type = string
}

variable "public" {
  type = bool
}

# The subnet is outside the configuration: whether it maps public IPs is unknown.
resource "aws_instance" "external_subnet" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  subnet_id     = var.subnet_id
}

resource "aws_instance" "variable" {
  ami                         = "ami-0abcdef1234567890"
  instance_type               = "t3.micro"
  associate_public_ip_address = var.public
}
