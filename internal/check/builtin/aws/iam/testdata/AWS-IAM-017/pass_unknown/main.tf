variable "pgp_key" {
  type = string
}

resource "aws_iam_user_login_profile" "alice" {
  user    = "alice"
  pgp_key = var.pgp_key
}
