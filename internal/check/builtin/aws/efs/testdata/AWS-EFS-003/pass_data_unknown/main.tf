variable "exempt_principal" {
  type = string
}

variable "deny_effect" {
  type = string
}

resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
  encrypted      = true
}

# The Deny's principal is unknown; the statement still denies plain NFS.
data "aws_iam_policy_document" "shared" {
  statement {
    effect    = "Deny"
    actions   = ["*"]
    resources = ["${aws_efs_file_system.shared.arn}"]
    principals {
      type        = "AWS"
      identifiers = [var.exempt_principal]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_efs_file_system_policy" "shared" {
  file_system_id = aws_efs_file_system.shared.id
  policy         = data.aws_iam_policy_document.shared.json
}

resource "aws_efs_file_system" "other" {
  creation_token = "other"
  encrypted      = true
}

# The effect is unknown: this might be the missing Deny.
data "aws_iam_policy_document" "other" {
  statement {
    effect    = var.deny_effect
    actions   = ["*"]
    resources = ["${aws_efs_file_system.other.arn}"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_efs_file_system_policy" "other" {
  file_system_id = aws_efs_file_system.other.id
  policy         = data.aws_iam_policy_document.other.json
}
