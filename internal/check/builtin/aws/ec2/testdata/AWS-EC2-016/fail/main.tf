resource "aws_ebs_volume" "data" { # want: AWS-EC2-016
  availability_zone = "us-east-1a"
  size              = 100
}

resource "aws_ebs_snapshot" "data" {
  volume_id = aws_ebs_volume.data.id
}

resource "aws_ebs_snapshot_copy" "dr" {
  source_snapshot_id = aws_ebs_snapshot.data.id
  source_region      = "us-east-1"
  encrypted          = false # want: AWS-EC2-016
}
