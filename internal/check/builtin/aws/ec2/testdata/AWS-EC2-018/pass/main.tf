variable "source_ami" {
  type = string
}

resource "aws_ami" "app" {
  name                = "app-2024-06"
  root_device_name    = "/dev/xvda"
  virtualization_type = "hvm"

  ebs_block_device {
    device_name = "/dev/xvda"
    volume_size = 8
    encrypted   = true
  }
}

resource "aws_ami_copy" "encrypted" {
  name              = "app-encrypted"
  source_ami_id     = var.source_ami
  source_ami_region = "us-east-1"
  encrypted         = true
}

# The source is outside the configuration and the copy does not ask for
# encryption: whether it is encrypted depends on the source.
resource "aws_ami_copy" "unknown" {
  name              = "app-unknown"
  source_ami_id     = var.source_ami
  source_ami_region = "us-east-1"
}

# A snapshot outside the configuration decides.
resource "aws_ami" "from_snapshot" {
  name                = "from-snapshot"
  root_device_name    = "/dev/xvda"
  virtualization_type = "hvm"

  ebs_block_device {
    device_name = "/dev/xvda"
    snapshot_id = "snap-0123456789abcdef0"
  }
}
