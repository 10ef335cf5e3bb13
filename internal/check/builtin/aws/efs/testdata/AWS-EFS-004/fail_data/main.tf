resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
  encrypted      = true
}

# The file system ARN is known only at apply time; the public principal is
# known.
data "aws_iam_policy_document" "shared" {
  statement { # want: AWS-EFS-004
    actions   = ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"]
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
