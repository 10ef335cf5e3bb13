resource "aws_efs_file_system" "home" {
  creation_token = "home"
  encrypted      = true
}

resource "aws_efs_backup_policy" "home" {
  file_system_id = aws_efs_file_system.home.id

  backup_policy {
    status = "ENABLED"
  }
}
