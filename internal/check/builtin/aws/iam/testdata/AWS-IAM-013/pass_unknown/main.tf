variable "provider_arn" {
  type = string
}

variable "subject" {
  type = string
}

# The provider is unknown and no condition names it.
data "aws_iam_policy_document" "ci" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [var.provider_arn]
    }
  }
}

resource "aws_iam_role" "ci" {
  name               = "ci"
  assume_role_policy = data.aws_iam_policy_document.ci.json
}

data "aws_iam_policy_document" "gitlab" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::111122223333:oidc-provider/gitlab.com"]
    }
    condition {
      test     = "StringLike"
      variable = "gitlab.com:sub"
      values   = [var.subject]
    }
  }
}

resource "aws_iam_role" "gitlab" {
  name               = "gitlab"
  assume_role_policy = data.aws_iam_policy_document.gitlab.json
}
