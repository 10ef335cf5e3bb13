variable "volume_id" {
  type = string
}

variable "snapshot_id" {
  type = string
}

resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
}

resource "aws_ebs_snapshot" "data" {
  volume_id = aws_ebs_volume.data.id
}

# Copying with encryption encrypts the copy whatever its source.
resource "aws_ebs_snapshot_copy" "encrypted" {
  source_snapshot_id = var.snapshot_id
  source_region      = "us-east-1"
  encrypted          = true
}

# Snapshots of volumes outside the configuration are unknown.
resource "aws_ebs_snapshot" "external" {
  volume_id = var.volume_id
}

resource "aws_ebs_snapshot_copy" "external" {
  source_snapshot_id = var.snapshot_id
  source_region      = "us-east-1"
}
