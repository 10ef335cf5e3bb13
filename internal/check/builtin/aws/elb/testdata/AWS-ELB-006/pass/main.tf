variable "mode" {
  type = string
}

# defensive is the default.
resource "aws_lb" "web" {
  name    = "web"
  subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
}

resource "aws_lb" "strict" {
  name                   = "strict"
  subnets                = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  desync_mitigation_mode = "strictest"
}

resource "aws_lb" "unknown" {
  name                   = "unknown"
  subnets                = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  desync_mitigation_mode = var.mode
}
