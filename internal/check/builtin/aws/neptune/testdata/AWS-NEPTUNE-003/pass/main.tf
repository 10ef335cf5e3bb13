resource "aws_neptune_cluster_parameter_group" "audit" {
  family = "neptune1.3"
  name   = "audit"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}

resource "aws_neptune_cluster" "graph" {
  cluster_identifier                   = "graph"
  storage_encrypted                    = true
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.audit.name
  enable_cloudwatch_logs_exports       = ["audit", "slowquery"]
}
