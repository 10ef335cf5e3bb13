resource "aws_kms_key" "cache" {
  description         = "ElastiCache"
  enable_key_rotation = true
}

resource "aws_kms_alias" "cache" {
  name          = "alias/cache"
  target_key_id = aws_kms_key.cache.key_id
}

# The key's ARN is only known after apply, but it is a key this configuration
# creates: a customer managed key.
resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "session store"
  engine                     = "valkey"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  at_rest_encryption_enabled = true
  kms_key_id                 = aws_kms_key.cache.arn
}

resource "aws_elasticache_serverless_cache" "api" {
  name       = "api"
  engine     = "valkey"
  kms_key_id = aws_kms_alias.cache.target_key_arn
}
