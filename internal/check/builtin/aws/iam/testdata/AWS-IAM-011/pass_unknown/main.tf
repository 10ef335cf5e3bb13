variable "principal" {
  type = string
}

resource "aws_iam_user" "alice" {
  name = "alice"
}

# Could be a role or a group as well as a user; nothing is reported.
resource "aws_iam_role_policy_attachment" "any" {
  role       = var.principal
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
