variable "client_role_arn" {
  type = string
}

resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
  encrypted      = true
}

# The principal is unknown: it might be anyone, or not.
data "aws_iam_policy_document" "shared" {
  statement {
    actions   = ["elasticfilesystem:ClientMount"]
    resources = ["${aws_efs_file_system.shared.arn}"]
    principals {
      type        = "AWS"
      identifiers = [var.client_role_arn]
    }
  }
}

resource "aws_efs_file_system_policy" "shared" {
  file_system_id = aws_efs_file_system.shared.id
  policy         = data.aws_iam_policy_document.shared.json
}
