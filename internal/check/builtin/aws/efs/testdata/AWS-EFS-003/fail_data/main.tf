resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
  encrypted      = true
}

# Only Allow statements: whatever their apply-time ARNs, none of them can be
# the Deny on aws:SecureTransport.
data "aws_iam_policy_document" "shared" { # want: AWS-EFS-003
  statement {
    actions   = ["elasticfilesystem:ClientMount"]
    resources = ["${aws_efs_file_system.shared.arn}"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

resource "aws_efs_file_system_policy" "shared" {
  file_system_id = aws_efs_file_system.shared.id
  policy         = data.aws_iam_policy_document.shared.json
}
