variable "protect" {
  type = bool
}

resource "aws_lb" "web" {
  name                       = "web"
  subnets                    = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  enable_deletion_protection = true
}

resource "aws_lb" "unknown" {
  name                       = "unknown"
  subnets                    = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  enable_deletion_protection = var.protect
}
