variable "kms_key_id" {
  type = string
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  at_rest_encryption_enabled = true
  kms_key_id                 = var.kms_key_id
  description          = "application cache"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 2
  engine               = "redis"
}

resource "aws_elasticache_serverless_cache" "api" {
  name       = "api"
  engine     = "valkey"
  kms_key_id = var.kms_key_id
}
