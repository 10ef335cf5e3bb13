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
  permissions = {
    type        = "Share"
    account_ids = "111122223333,444455556666"
  }
}

resource "aws_ssm_document" "private" {
  name          = "private"
  document_type = "Command"
  content = jsonencode({
    schemaVersion = "2.2"
    description   = "Private"
    mainSteps     = [{ action = "aws:runShellScript", name = "noop", inputs = { runCommand = ["true"] } }]
  })
}
