resource "aws_efs_file_system" "shared" { # want: AWS-EFS-002
  creation_token = "shared"
  encrypted      = true
}

resource "aws_efs_file_system" "home" {
  creation_token = "home"
  encrypted      = true
}

resource "aws_efs_backup_policy" "home" {
  file_system_id = aws_efs_file_system.home.id

  backup_policy {
    status = "DISABLED" # want: AWS-EFS-002
  }
}
