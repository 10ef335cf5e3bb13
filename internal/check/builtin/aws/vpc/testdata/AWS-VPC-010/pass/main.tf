resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

locals {
  vpcs = { main = aws_vpc.main.id }
}

resource "aws_flow_log" "main" {
  for_each             = local.vpcs
  vpc_id               = each.value
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::example-flow-logs"
}
