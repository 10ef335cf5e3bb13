variable "share_with" {
  type = string
}

resource "aws_ssm_document" "patch" {
  name          = "patch-hosts"
  document_type = "Command"
  content = jsonencode({
    schemaVersion = "2.2"
    description   = "Patch hosts"
    mainSteps     = [{ action = "aws:runShellScript", name = "noop", inputs = { runCommand = ["true"] } }]
  })
  permissions = {
    type        = "Share"
    account_ids = var.share_with
  }
}
