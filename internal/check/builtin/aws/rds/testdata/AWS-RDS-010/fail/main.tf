resource "aws_db_snapshot" "nightly" {
  db_instance_identifier = "app"
  db_snapshot_identifier = "app-nightly"
  shared_accounts        = ["all"] # want: AWS-RDS-010
}

resource "aws_db_cluster_snapshot" "release" {
  db_cluster_identifier          = "main"
  db_cluster_snapshot_identifier = "main-release"
  shared_accounts                = ["123456789012", "all"] # want: AWS-RDS-010
}
