variable "vpc_id" {
  type = string
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

# The flow log's target cannot be resolved: it might be aws_vpc.main.
resource "aws_flow_log" "somewhere" {
  vpc_id               = var.vpc_id
  traffic_type         = "REJECT"
  log_destination_type = "cloud-watch-logs"
  log_destination      = "arn:aws:logs:us-east-1:111122223333:log-group:flow-logs"
  iam_role_arn         = "arn:aws:iam::111122223333:role/flow-logs"
}
