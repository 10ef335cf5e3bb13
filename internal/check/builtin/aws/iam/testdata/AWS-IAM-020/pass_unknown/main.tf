variable "boundary_arn" {
  type = string
}

# Administrator access under a boundary nobody knows yet: not judged.
resource "aws_iam_user" "bounded" {
  name                 = "bounded"
  permissions_boundary = var.boundary_arn
}

resource "aws_iam_user_policy_attachment" "bounded" {
  user       = aws_iam_user.bounded.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
