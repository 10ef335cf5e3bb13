resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "application cache"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  engine                     = "redis"
  at_rest_encryption_enabled = true
}

# Valkey groups are encrypted at rest by default.
resource "aws_elasticache_replication_group" "valkey" {
  replication_group_id = "valkey"
  description          = "application cache"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 2
  engine               = "valkey"
}
