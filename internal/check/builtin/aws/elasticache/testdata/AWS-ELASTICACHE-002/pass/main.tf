resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  transit_encryption_enabled = true
  description          = "application cache"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 2
  engine               = "redis"
}

# A member follows its replication group.
resource "aws_elasticache_cluster" "replica" {
  cluster_id           = "sessions-extra"
  replication_group_id = aws_elasticache_replication_group.sessions.id
}
