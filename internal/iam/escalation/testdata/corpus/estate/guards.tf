# Principals whose identity policies grant admin but something else holds
# them back: a permissions boundary, an explicit deny, a tag condition. Each
# may remove what holds it back.
#
# Roles name their boundary by a literal ARN, users by a reference to the
# policy: configurations use both.

# A boundary allowing S3 and the removal of role boundaries.
resource "aws_iam_policy" "boundary_role_escape" {
  name = "boundary-s3-and-delete-role-boundary"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:*", "iam:DeleteRolePermissionsBoundary"]
      Resource = "*"
    }]
  })
}

# iam:DeleteRolePermissionsBoundary on itself: the boundary is all that keeps
# the role's AdministratorAccess in check.
resource "aws_iam_role" "pe_delete_role_boundary" {
  name                 = "pe-delete-role-boundary"
  assume_role_policy   = local.ec2_trust
  permissions_boundary = "arn:aws:iam::${local.account_id}:policy/boundary-s3-and-delete-role-boundary"
}

resource "aws_iam_role_policy_attachment" "pe_delete_role_boundary" {
  role       = aws_iam_role.pe_delete_role_boundary.name
  policy_arn = local.administrator_access
}

# The same for a user.
resource "aws_iam_policy" "boundary_user_escape" {
  name = "boundary-s3-and-delete-user-boundary"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:*", "iam:DeleteUserPermissionsBoundary"]
      Resource = "*"
    }]
  })
}

resource "aws_iam_user" "pe_delete_user_boundary" {
  name                 = "pe-delete-user-boundary"
  permissions_boundary = aws_iam_policy.boundary_user_escape.arn
}

resource "aws_iam_user_policy_attachment" "pe_delete_user_boundary" {
  user       = aws_iam_user.pe_delete_user_boundary.name
  policy_arn = local.administrator_access
}

# iam:PutRolePermissionsBoundary: replace the boundary with one that allows
# everything (AdministratorAccess makes a fine boundary).
resource "aws_iam_policy" "boundary_role_replace" {
  name = "boundary-s3-and-put-role-boundary"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:*", "iam:PutRolePermissionsBoundary"]
      Resource = "*"
    }]
  })
}

resource "aws_iam_role" "pe_put_role_boundary" {
  name                 = "pe-put-role-boundary"
  assume_role_policy   = local.ec2_trust
  permissions_boundary = "arn:aws:iam::${local.account_id}:policy/boundary-s3-and-put-role-boundary"
}

resource "aws_iam_role_policy_attachment" "pe_put_role_boundary" {
  role       = aws_iam_role.pe_put_role_boundary.name
  policy_arn = local.administrator_access
}

# The same for a user.
resource "aws_iam_policy" "boundary_user_replace" {
  name = "boundary-s3-and-put-user-boundary"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:*", "iam:PutUserPermissionsBoundary"]
      Resource = "*"
    }]
  })
}

resource "aws_iam_user" "pe_put_user_boundary" {
  name                 = "pe-put-user-boundary"
  permissions_boundary = aws_iam_policy.boundary_user_replace.arn
}

resource "aws_iam_user_policy_attachment" "pe_put_user_boundary" {
  user       = aws_iam_user.pe_put_user_boundary.name
  policy_arn = local.administrator_access
}

# iam:DeleteUserPolicy on its own inline deny: the deny spares only that
# action, so deleting it leaves AdministratorAccess.
resource "aws_iam_user" "pe_delete_user_policy" {
  name = "pe-delete-user-policy"
}

resource "aws_iam_user_policy_attachment" "pe_delete_user_policy" {
  user       = aws_iam_user.pe_delete_user_policy.name
  policy_arn = local.administrator_access
}

resource "aws_iam_user_policy" "pe_delete_user_policy" {
  name = "quarantine"
  user = aws_iam_user.pe_delete_user_policy.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      NotAction = "iam:DeleteUserPolicy"
      Resource  = "*"
    }]
  })
}

# iam:DetachUserPolicy on its own managed deny.
resource "aws_iam_user" "pe_detach_user_policy" {
  name = "pe-detach-user-policy"
}

resource "aws_iam_user_policy_attachment" "pe_detach_user_policy_admin" {
  user       = aws_iam_user.pe_detach_user_policy.name
  policy_arn = local.administrator_access
}

resource "aws_iam_policy" "quarantine_detachable" {
  name = "quarantine-detachable"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      NotAction = "iam:DetachUserPolicy"
      Resource  = "*"
    }]
  })
}

resource "aws_iam_user_policy_attachment" "pe_detach_user_policy_deny" {
  user       = aws_iam_user.pe_detach_user_policy.name
  policy_arn = aws_iam_policy.quarantine_detachable.arn
}

# iam:DeleteRolePolicy on its own inline deny.
resource "aws_iam_role" "pe_delete_role_policy" {
  name                = "pe-delete-role-policy"
  assume_role_policy  = local.ec2_trust
  managed_policy_arns = [local.administrator_access]

  inline_policy {
    name = "quarantine"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect    = "Deny"
        NotAction = "iam:DeleteRolePolicy"
        Resource  = "*"
      }]
    })
  }
}

# iam:TagUser on itself where everything is allowed to members of a team
# named by a tag the user does not carry yet.
resource "aws_iam_user" "pe_tag_user" {
  name = "pe-tag-user"
  tags = {
    team = "analytics"
  }
}

resource "aws_iam_user_policy" "pe_tag_user" {
  name = "team-access"
  user = aws_iam_user.pe_tag_user.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "PlatformAdmins"
        Effect    = "Allow"
        Action    = "*"
        Resource  = "*"
        Condition = { StringEquals = { "aws:PrincipalTag/team" = "platform" } }
      },
      {
        Sid      = "SelfTagging"
        Effect   = "Allow"
        Action   = "iam:TagUser"
        Resource = "arn:aws:iam::*:user/$${aws:username}"
      },
    ]
  })
}

# iam:UntagUser on itself where a deny applies while a tag is present.
resource "aws_iam_user" "pe_untag_user" {
  name = "pe-untag-user"
  tags = {
    quarantined = "true"
  }
}

resource "aws_iam_user_policy_attachment" "pe_untag_user" {
  user       = aws_iam_user.pe_untag_user.name
  policy_arn = local.administrator_access
}

resource "aws_iam_user_policy" "pe_untag_user" {
  name = "quarantine-by-tag"
  user = aws_iam_user.pe_untag_user.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      NotAction = "iam:UntagUser"
      Resource  = "*"
      Condition = { StringEquals = { "aws:PrincipalTag/quarantined" = "true" } }
    }]
  })
}

# iam:TagRole on itself, as pe_tag_user.
resource "aws_iam_role" "pe_tag_role" {
  name               = "pe-tag-role"
  assume_role_policy = local.ec2_trust
  tags = {
    tier = "batch"
  }
}

resource "aws_iam_role_policy" "pe_tag_role" {
  name = "tier-access"
  role = aws_iam_role.pe_tag_role.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Action    = "*"
        Resource  = "*"
        Condition = { StringEquals = { "aws:PrincipalTag/tier" = "control-plane" } }
      },
      {
        Effect   = "Allow"
        Action   = "iam:TagRole"
        Resource = "arn:aws:iam::*:role/pe-tag-role"
      },
    ]
  })
}

# sts:AssumeRole with sts:TagSession: the role grants everything to sessions
# tagged clearance=admin, and its trust lets the user set session tags,
# which take precedence over the role's own tags.
resource "aws_iam_user" "pe_tag_session" {
  name = "pe-tag-session"
}

resource "aws_iam_user_policy" "pe_tag_session" {
  name = "assume-with-tags"
  user = aws_iam_user.pe_tag_session.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["sts:AssumeRole", "sts:TagSession"]
      Resource = "arn:aws:iam::*:role/clearance-gated"
    }]
  })
}

resource "aws_iam_role" "clearance_gated" {
  name = "clearance-gated"
  tags = {
    clearance = "basic"
  }
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${local.account_id}:user/pe-tag-session" }
      Action    = ["sts:AssumeRole", "sts:TagSession"]
    }]
  })
}

resource "aws_iam_role_policy" "clearance_gated" {
  name = "by-clearance"
  role = aws_iam_role.clearance_gated.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "*"
      Resource  = "*"
      Condition = { StringEquals = { "aws:PrincipalTag/clearance" = "admin" } }
    }]
  })
}
