resource "aws_elasticache_replication_group" "sessions" { # want: AWS-ELASTICACHE-004
  replication_group_id = "sessions"
  description          = "application cache"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 2
  engine               = "redis"
}

resource "aws_elasticache_cluster" "single" {
  cluster_id               = "single"
  engine                   = "redis"
  node_type                = "cache.t4g.small"
  num_cache_nodes          = 1
  snapshot_retention_limit = 0 # want: AWS-ELASTICACHE-004
}
