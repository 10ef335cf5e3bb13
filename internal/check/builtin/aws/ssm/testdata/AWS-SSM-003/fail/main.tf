resource "aws_ssm_document" "patch" {
  name          = "patch-hosts"
  document_type = "Command"
  content = jsonencode({
    schemaVersion = "2.2"
    description   = "Patch hosts"
    mainSteps = [{
      action = "aws:runShellScript"
      name   = "patch"
      inputs = { runCommand = ["yum update -y"] }
    }]
  })
  permissions = { # want: AWS-SSM-003
    type        = "Share"
    account_ids = "All"
  }
}
