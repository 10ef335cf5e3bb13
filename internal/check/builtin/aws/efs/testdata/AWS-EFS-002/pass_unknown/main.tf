variable "file_system_id" {
  type = string
}

resource "aws_efs_file_system" "home" {
  creation_token = "home"
  encrypted      = true
}

# Might configure home: its backups are unknown, not disabled.
resource "aws_efs_backup_policy" "any" {
  file_system_id = var.file_system_id

  backup_policy {
    status = "ENABLED"
  }
}
