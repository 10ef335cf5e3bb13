resource "aws_config_configuration_aggregator" "accounts" {
  name = "accounts"

  account_aggregation_source { # want: AWS-CONFIG-004
    account_ids = ["111122223333"]
    regions     = ["us-east-1", "eu-west-1"]
  }
}

resource "aws_config_configuration_aggregator" "org" {
  name = "org"

  organization_aggregation_source {
    all_regions = false # want: AWS-CONFIG-004
    regions     = ["us-east-1"]
    role_arn    = "arn:aws:iam::111122223333:role/config-aggregator"
  }
}
