variable "retention" {
  type = number
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id     = "sessions"
  snapshot_retention_limit = var.retention
  description          = "application cache"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 2
  engine               = "redis"
}
