variable "rotate" {
  type = bool
}

variable "spec" {
  type = string
}

resource "aws_kms_key" "a" {
  enable_key_rotation = var.rotate
}

resource "aws_kms_key" "b" {
  customer_master_key_spec = var.spec
}
