variable "reader_arn" {
  type = string
}

resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.13"
}

# The principal is unknown: it might be anyone, or not.
data "aws_iam_policy_document" "search" {
  statement {
    actions   = ["es:ESHttpGet"]
    resources = ["${aws_opensearch_domain.search.arn}/*"]
    principals {
      type        = "AWS"
      identifiers = [var.reader_arn]
    }
  }
}

resource "aws_opensearch_domain_policy" "search" {
  domain_name     = aws_opensearch_domain.search.domain_name
  access_policies = data.aws_iam_policy_document.search.json
}

resource "aws_opensearch_domain" "office" {
  domain_name    = "office"
  engine_version = "OpenSearch_2.13"
}

# Open to anyone, but only from the office network.
data "aws_iam_policy_document" "office" {
  statement {
    actions   = ["es:ESHttpGet"]
    resources = ["${aws_opensearch_domain.office.arn}/*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "IpAddress"
      variable = "aws:SourceIp"
      values   = ["203.0.113.0/24"]
    }
  }
}

resource "aws_opensearch_domain_policy" "office" {
  domain_name     = aws_opensearch_domain.office.domain_name
  access_policies = data.aws_iam_policy_document.office.json
}
