variable "share_with" {
  type = list(string)
}

resource "aws_db_snapshot" "nightly" {
  db_instance_identifier = "app"
  db_snapshot_identifier = "app-nightly"
  shared_accounts        = var.share_with
}
