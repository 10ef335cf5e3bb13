resource "aws_kms_key" "ebs" {
  description = "EBS volumes"
}

resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
  kms_key_id        = aws_kms_key.ebs.arn
}

resource "aws_ebs_volume" "from_encrypted" {
  availability_zone = "us-east-1a"
  encrypted         = true
  snapshot_id       = aws_ebs_snapshot.data.id
}

resource "aws_ebs_snapshot" "data" {
  volume_id = aws_ebs_volume.data.id
}

# A volume restored from an encrypted snapshot is encrypted.
resource "aws_ebs_volume" "restored" {
  availability_zone = "us-east-1a"
  snapshot_id       = aws_ebs_snapshot.data.id
}
