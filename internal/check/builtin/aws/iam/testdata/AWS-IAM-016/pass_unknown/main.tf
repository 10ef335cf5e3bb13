variable "pgp_key" {
  type = string
}

resource "aws_iam_access_key" "ci" {
  user    = "ci"
  pgp_key = var.pgp_key
}
