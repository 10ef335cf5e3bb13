# Techniques that use IAM alone: change one's own policies, groups or trust,
# or take over an admin user's credentials.

locals {
  # Role principals below run on EC2; nobody in the estate can pass them to
  # an instance, so what they can do is what they escalate to.
  ec2_trust = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ec2.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

# iam:CreatePolicyVersion on the customer managed policy the user holds: a
# new default version may say anything.
resource "aws_iam_user" "pe_create_policy_version" {
  name = "pe-create-policy-version"
}

resource "aws_iam_policy" "pe_create_policy_version" {
  name = "pe-create-policy-version"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "iam:CreatePolicyVersion"
      Resource = "*"
    }]
  })
}

resource "aws_iam_user_policy_attachment" "pe_create_policy_version" {
  user       = aws_iam_user.pe_create_policy_version.name
  policy_arn = aws_iam_policy.pe_create_policy_version.arn
}

# iam:AttachUserPolicy on oneself.
resource "aws_iam_user" "pe_attach_user_policy" {
  name = "pe-attach-user-policy"
}

resource "aws_iam_user_policy" "pe_attach_user_policy" {
  name = "self-attach"
  user = aws_iam_user.pe_attach_user_policy.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "iam:AttachUserPolicy"
      Resource = "arn:aws:iam::*:user/$${aws:username}"
    }]
  })
}

# iam:AttachGroupPolicy on the group the user is in; the permission itself
# comes from the group.
resource "aws_iam_user" "pe_attach_group_policy" {
  name = "pe-attach-group-policy"
}

resource "aws_iam_group" "pe_attach_group_policy" {
  name = "pe-attach-group-policy"
}

resource "aws_iam_user_group_membership" "pe_attach_group_policy" {
  user   = aws_iam_user.pe_attach_group_policy.name
  groups = [aws_iam_group.pe_attach_group_policy.name]
}

resource "aws_iam_group_policy" "pe_attach_group_policy" {
  name  = "group-attach"
  group = aws_iam_group.pe_attach_group_policy.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "iam:AttachGroupPolicy"
      Resource = "arn:aws:iam::${local.account_id}:group/pe-attach-group-policy"
    }]
  })
}

# iam:AttachRolePolicy on the role itself.
resource "aws_iam_role" "pe_attach_role_policy" {
  name               = "pe-attach-role-policy"
  assume_role_policy = local.ec2_trust
}

resource "aws_iam_role_policy" "pe_attach_role_policy" {
  name = "self-attach"
  role = aws_iam_role.pe_attach_role_policy.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "iam:AttachRolePolicy"
      Resource = "*"
    }]
  })
}

# iam:PutUserPolicy on any user, oneself included.
resource "aws_iam_user" "pe_put_user_policy" {
  name = "pe-put-user-policy"
}

resource "aws_iam_user_policy" "pe_put_user_policy" {
  name = "put-inline"
  user = aws_iam_user.pe_put_user_policy.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "iam:PutUserPolicy"
      Resource = "*"
    }]
  })
}

# iam:PutGroupPolicy on the user's own group.
resource "aws_iam_user" "pe_put_group_policy" {
  name = "pe-put-group-policy"
}

resource "aws_iam_group" "pe_put_group_policy" {
  name = "pe-put-group-policy"
}

resource "aws_iam_group_membership" "pe_put_group_policy" {
  name  = "pe-put-group-policy"
  group = aws_iam_group.pe_put_group_policy.name
  users = [aws_iam_user.pe_put_group_policy.name]
}

resource "aws_iam_group_policy" "pe_put_group_policy" {
  name  = "group-put"
  group = aws_iam_group.pe_put_group_policy.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "iam:PutGroupPolicy"
      Resource = "arn:aws:iam::*:group/pe-put-group-policy"
    }]
  })
}

# iam:PutRolePolicy on the role itself.
resource "aws_iam_role" "pe_put_role_policy" {
  name               = "pe-put-role-policy"
  assume_role_policy = local.ec2_trust
}

resource "aws_iam_role_policy" "pe_put_role_policy" {
  name = "self-put"
  role = aws_iam_role.pe_put_role_policy.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "iam:PutRolePolicy"
      Resource = "arn:aws:iam::*:role/pe-put-role-policy"
    }]
  })
}

# iam:AddUserToGroup into the admin group.
resource "aws_iam_user" "pe_add_user_to_group" {
  name = "pe-add-user-to-group"
}

resource "aws_iam_user_policy" "pe_add_user_to_group" {
  name = "join-admins"
  user = aws_iam_user.pe_add_user_to_group.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "iam:AddUserToGroup"
      Resource = "arn:aws:iam::*:group/target-admins"
    }]
  })
}

# iam:CreateAccessKey for any user, the admin users included.
resource "aws_iam_user" "pe_create_access_key" {
  name = "pe-create-access-key"
}

resource "aws_iam_user_policy" "pe_create_access_key" {
  name = "keys"
  user = aws_iam_user.pe_create_access_key.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "iam:CreateAccessKey"
      Resource = "*"
    }]
  })
}

# iam:CreateLoginProfile for an admin user who has no console password.
resource "aws_iam_user" "pe_create_login_profile" {
  name = "pe-create-login-profile"
}

resource "aws_iam_user_policy" "pe_create_login_profile" {
  name = "console-setup"
  user = aws_iam_user.pe_create_login_profile.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "iam:CreateLoginProfile"
      Resource = "arn:aws:iam::*:user/target-admin"
    }]
  })
}

# iam:UpdateLoginProfile for an admin user who has a console password.
resource "aws_iam_user" "pe_update_login_profile" {
  name = "pe-update-login-profile"
}

resource "aws_iam_user_policy" "pe_update_login_profile" {
  name = "password-reset"
  user = aws_iam_user.pe_update_login_profile.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "iam:UpdateLoginProfile"
      Resource = "arn:aws:iam::*:user/target-admin-console"
    }]
  })
}

# iam:UpdateAssumeRolePolicy and sts:AssumeRole on an admin role only Lambda
# may assume: rewrite its trust, then assume it.
resource "aws_iam_user" "pe_update_assume_role_policy" {
  name = "pe-update-assume-role-policy"
}

resource "aws_iam_user_policy" "pe_update_assume_role_policy" {
  name = "retrust"
  user = aws_iam_user.pe_update_assume_role_policy.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["iam:UpdateAssumeRolePolicy", "sts:AssumeRole"]
      Resource = "arn:aws:iam::*:role/target-admin-lambda"
    }]
  })
}

# sts:AssumeRole of an admin role whose trust names the user.
resource "aws_iam_user" "pe_assume_role" {
  name = "pe-assume-role"
}

resource "aws_iam_user_policy" "pe_assume_role" {
  name = "assume"
  user = aws_iam_user.pe_assume_role.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "sts:AssumeRole"
      Resource = "arn:aws:iam::*:role/target-admin-trusts-pe"
    }]
  })
}
