variable "log_types" {
  type = list(string)
}

variable "extra_log" {
  type = string
}

resource "aws_neptune_cluster" "var" {
  cluster_identifier             = "graph-var"
  enable_cloudwatch_logs_exports = var.log_types
}

# The unknown item might be "audit".
resource "aws_neptune_cluster" "item" {
  cluster_identifier             = "graph-item"
  enable_cloudwatch_logs_exports = ["slowquery", var.extra_log]
}
