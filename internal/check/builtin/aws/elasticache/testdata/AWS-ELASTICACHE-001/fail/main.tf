resource "aws_elasticache_replication_group" "sessions" { # want: AWS-ELASTICACHE-001
  replication_group_id = "sessions"
  description          = "application cache"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 2
  engine               = "redis"
}

resource "aws_elasticache_replication_group" "queue" {
  replication_group_id       = "queue"
  at_rest_encryption_enabled = false # want: AWS-ELASTICACHE-001
  description          = "application cache"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 2
  engine               = "redis"
}
