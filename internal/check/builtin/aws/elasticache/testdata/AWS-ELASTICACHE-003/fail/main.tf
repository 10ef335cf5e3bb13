resource "aws_elasticache_replication_group" "sessions" { # want: AWS-ELASTICACHE-003
  replication_group_id       = "sessions"
  transit_encryption_enabled = true
  description          = "application cache"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 2
  engine               = "redis"
}
