resource "aws_elasticache_replication_group" "sessions" { # want: AWS-ELASTICACHE-005
  replication_group_id       = "sessions"
  at_rest_encryption_enabled = true
  description          = "application cache"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 2
  engine               = "redis"
}

resource "aws_elasticache_serverless_cache" "api" { # want: AWS-ELASTICACHE-005
  name   = "api"
  engine = "valkey"
}
