# Principals that can escalate although they look safe: wildcards and
# NotAction/NotResource that cover more than they seem to, odd spelling,
# permissions that arrive through a group or an AWS managed policy.

# NotResource excludes the target-* users, but the user itself is not one.
resource "aws_iam_user" "hidden_not_resource" {
  name = "hidden-not-resource"
}

resource "aws_iam_user_policy" "hidden_not_resource" {
  name = "attach-except-targets"
  user = aws_iam_user.hidden_not_resource.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect      = "Allow"
      Action      = "iam:AttachUserPolicy"
      NotResource = "arn:aws:iam::*:user/target-*"
    }]
  })
}

# "iam:*Policy*" on oneself covers iam:PutUserPolicy and iam:AttachUserPolicy.
resource "aws_iam_user" "hidden_policy_wildcard" {
  name = "hidden-policy-wildcard"
}

resource "aws_iam_user_policy" "hidden_policy_wildcard" {
  name = "manage-own-policies"
  user = aws_iam_user.hidden_policy_wildcard.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "iam:*Policy*"
      Resource = "arn:aws:iam::*:user/$${aws:username}"
    }]
  })
}

# "*:*" is every action of every service.
resource "aws_iam_user" "hidden_star_colon_star" {
  name = "hidden-star-colon-star"
}

resource "aws_iam_user_policy" "hidden_star_colon_star" {
  name = "everything"
  user = aws_iam_user.hidden_star_colon_star.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*:*"
      Resource = "*"
    }]
  })
}

# Action names are case-insensitive.
resource "aws_iam_user" "hidden_mixed_case" {
  name = "hidden-mixed-case"
}

resource "aws_iam_user_policy" "hidden_mixed_case" {
  name = "key-rotation"
  user = aws_iam_user.hidden_mixed_case.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "IAM:createAccessKEY"
      Resource = "*"
    }]
  })
}

# The permission comes from a group.
resource "aws_iam_user" "hidden_via_group" {
  name = "hidden-via-group"
}

resource "aws_iam_group" "helpdesk" {
  name = "helpdesk"
}

resource "aws_iam_user_group_membership" "hidden_via_group" {
  user   = aws_iam_user.hidden_via_group.name
  groups = [aws_iam_group.helpdesk.name]
}

resource "aws_iam_group_policy" "helpdesk" {
  name  = "console-onboarding"
  group = aws_iam_group.helpdesk.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "iam:CreateLoginProfile"
      Resource = "*"
    }]
  })
}

# The AWS managed IAMFullAccess, attached by ARN: every IAM technique.
resource "aws_iam_user" "hidden_iam_full_access" {
  name = "hidden-iam-full-access"
}

resource "aws_iam_user_policy_attachment" "hidden_iam_full_access" {
  user       = aws_iam_user.hidden_iam_full_access.name
  policy_arn = "arn:aws:iam::aws:policy/IAMFullAccess"
}

# PowerUser-like: everything but IAM and Organizations. Not admin, but the
# estate runs admin workloads it may take over, and a role that trusts the
# account it may assume.
resource "aws_iam_user" "hidden_power_user" {
  name = "hidden-power-user"
}

resource "aws_iam_user_policy" "hidden_power_user" {
  name = "power-user"
  user = aws_iam_user.hidden_power_user.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      NotAction = ["iam:*", "organizations:*", "account:*"]
      Resource  = "*"
    }]
  })
}

# AttachUserPolicy on oneself with MFA: allowed if the session used MFA,
# which nobody knows beforehand.
resource "aws_iam_user" "hidden_mfa" {
  name = "hidden-mfa"
}

resource "aws_iam_user_policy" "hidden_mfa" {
  name = "self-attach-with-mfa"
  user = aws_iam_user.hidden_mfa.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "iam:AttachUserPolicy"
      Resource  = "arn:aws:iam::*:user/$${aws:username}"
      Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }
    }]
  })
}

# AssumeRole of any role: the one that trusts the account is admin.
resource "aws_iam_user" "hidden_assume_any" {
  name = "hidden-assume-any"
}

resource "aws_iam_user_policy" "hidden_assume_any" {
  name = "assume-any"
  user = aws_iam_user.hidden_assume_any.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "sts:AssumeRole"
      Resource = "*"
    }]
  })
}

# A role made admin through the deprecated managed_policy_arns argument.
resource "aws_iam_role" "hidden_managed_policy_arns" {
  name                = "hidden-managed-policy-arns"
  assume_role_policy  = local.ec2_trust
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
}

# "iam:Add*" through a policy shared by aws_iam_policy_attachment covers
# iam:AddUserToGroup.
resource "aws_iam_policy" "helpdesk_tools" {
  name = "helpdesk-tools"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "iam:Add*"
      Resource = "*"
    }]
  })
}

resource "aws_iam_user" "hidden_shared_attachment" {
  name = "hidden-shared-attachment"
}

resource "aws_iam_policy_attachment" "helpdesk_tools" {
  name       = "helpdesk-tools"
  users      = [aws_iam_user.hidden_shared_attachment.name]
  policy_arn = aws_iam_policy.helpdesk_tools.arn
}

# "iam:Pass*" and "lambda:*Function" are iam:PassRole, lambda:CreateFunction
# and lambda:InvokeFunction.
resource "aws_iam_user" "hidden_lambda_wildcards" {
  name = "hidden-lambda-wildcards"
}

data "aws_iam_policy_document" "hidden_lambda_wildcards" {
  statement {
    actions   = ["iam:Pass*", "lambda:*Function"]
    resources = ["*"]
  }
}

resource "aws_iam_user_policy" "hidden_lambda_wildcards" {
  name   = "functions"
  user   = aws_iam_user.hidden_lambda_wildcards.name
  policy = data.aws_iam_policy_document.hidden_lambda_wildcards.json
}

# AdministratorAccess held back by an inline deny of all but reads and
# PutUserPolicy: putting an inline policy under the deny's own name replaces
# it.
resource "aws_iam_user" "hidden_overwrite_deny" {
  name = "hidden-overwrite-deny"
}

resource "aws_iam_user_policy_attachment" "hidden_overwrite_deny" {
  user       = aws_iam_user.hidden_overwrite_deny.name
  policy_arn = local.administrator_access
}

resource "aws_iam_user_policy" "hidden_overwrite_deny" {
  name = "guardrail"
  user = aws_iam_user.hidden_overwrite_deny.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      NotAction = ["iam:Get*", "iam:List*", "iam:PutUserPolicy"]
      Resource  = "*"
    }]
  })
}

# PutUserPolicy on oneself under a boundary of IAMFullAccess: the new
# policy yields all of IAM (no more), and IAM alone reaches admin.
resource "aws_iam_user" "hidden_boundary_iam" {
  name                 = "hidden-boundary-iam"
  permissions_boundary = "arn:aws:iam::aws:policy/IAMFullAccess"
}

resource "aws_iam_user_policy" "hidden_boundary_iam" {
  name = "self-put"
  user = aws_iam_user.hidden_boundary_iam.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "iam:PutUserPolicy"
      Resource = "arn:aws:iam::*:user/hidden-boundary-iam"
    }]
  })
}
