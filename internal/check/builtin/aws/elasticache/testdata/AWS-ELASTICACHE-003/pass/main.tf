variable "auth_token" {
  type      = string
  sensitive = true
  default   = "correct-horse-battery-staple-0001"
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  transit_encryption_enabled = true
  auth_token                 = var.auth_token
  description          = "application cache"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 2
  engine               = "redis"
}

resource "aws_elasticache_user_group" "app" {
  engine        = "redis"
  user_group_id = "app"
  user_ids      = ["default-disabled", "app"]
}

resource "aws_elasticache_replication_group" "queue" {
  replication_group_id       = "queue"
  transit_encryption_enabled = true
  user_group_ids             = [aws_elasticache_user_group.app.id]
  description          = "application cache"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 2
  engine               = "redis"
}
