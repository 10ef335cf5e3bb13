variable "encrypted" {
  type = bool
}

variable "snapshot_id" {
  type = string
}

resource "aws_ebs_volume" "variable" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = var.encrypted
}

# Restored from a snapshot outside the configuration, which may be encrypted.
resource "aws_ebs_volume" "restored" {
  availability_zone = "us-east-1a"
  snapshot_id       = var.snapshot_id
}
