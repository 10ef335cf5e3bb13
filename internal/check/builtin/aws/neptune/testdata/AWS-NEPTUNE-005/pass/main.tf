resource "aws_neptune_cluster" "graph" {
  cluster_identifier      = "graph"
  backup_retention_period = 14
  preferred_backup_window = "02:00-03:00"
}
