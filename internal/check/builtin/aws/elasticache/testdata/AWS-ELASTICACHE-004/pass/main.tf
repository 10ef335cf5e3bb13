resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id     = "sessions"
  snapshot_retention_limit = 7
  description          = "application cache"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 2
  engine               = "redis"
}

# Memcached has no backups.
resource "aws_elasticache_cluster" "memcached" {
  cluster_id      = "memcached"
  engine          = "memcached"
  node_type       = "cache.t4g.small"
  num_cache_nodes = 2
}
