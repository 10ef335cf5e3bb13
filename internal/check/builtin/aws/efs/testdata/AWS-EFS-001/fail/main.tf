resource "aws_efs_file_system" "shared" { # want: AWS-EFS-001
  creation_token = "shared"
}

resource "aws_efs_file_system" "scratch" {
  creation_token = "scratch"
  encrypted      = false # want: AWS-EFS-001
}
