resource "aws_elasticache_replication_group" "sessions" { # want: AWS-ELASTICACHE-002
  replication_group_id = "sessions"
  description          = "application cache"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 2
  engine               = "redis"
}

resource "aws_elasticache_replication_group" "migrating" {
  replication_group_id       = "migrating"
  transit_encryption_enabled = true
  transit_encryption_mode    = "preferred" # want: AWS-ELASTICACHE-002
  description          = "application cache"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 2
  engine               = "redis"
}

resource "aws_elasticache_cluster" "memcached" {
  cluster_id                 = "memcached"
  engine                     = "memcached"
  node_type                  = "cache.t4g.small"
  num_cache_nodes            = 2
  transit_encryption_enabled = false # want: AWS-ELASTICACHE-002
}
