# Decoys: principals that look like a technique but cannot escalate. Each
# says why; expectations.txt marks every one safe.

# AttachUserPolicy, but only of ReadOnlyAccess.
resource "aws_iam_user" "decoy_attach_read_only" {
  name = "decoy-attach-read-only"
}

resource "aws_iam_user_policy" "decoy_attach_read_only" {
  name = "self-attach-read-only"
  user = aws_iam_user.decoy_attach_read_only.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "iam:AttachUserPolicy"
      Resource  = "*"
      Condition = { ArnEquals = { "iam:PolicyARN" = local.read_only_access } }
    }]
  })
}

# CreateAccessKey, but only for a read-only user.
resource "aws_iam_user" "decoy_key_for_intern" {
  name = "decoy-key-for-intern"
}

resource "aws_iam_user_policy" "decoy_key_for_intern" {
  name = "intern-keys"
  user = aws_iam_user.decoy_key_for_intern.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "iam:CreateAccessKey"
      Resource = "arn:aws:iam::*:user/target-intern"
    }]
  })
}

# CreateAccessKey for oneself only: the usual self-service policy.
resource "aws_iam_user" "decoy_self_keys" {
  name = "decoy-self-keys"
}

resource "aws_iam_user_policy" "decoy_self_keys" {
  name = "self-service-keys"
  user = aws_iam_user.decoy_self_keys.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["iam:CreateAccessKey", "iam:DeleteAccessKey", "iam:UpdateAccessKey", "iam:ListAccessKeys"]
      Resource = "arn:aws:iam::*:user/$${aws:username}"
    }]
  })
}

# PassRole of a non-admin role to a new function.
resource "aws_iam_user" "decoy_passrole_basic" {
  name = "decoy-passrole-basic"
}

resource "aws_iam_user_policy" "decoy_passrole_basic" {
  name = "deploy-basic-functions"
  user = aws_iam_user.decoy_passrole_basic.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "iam:PassRole"
        Resource = "arn:aws:iam::*:role/lambda-basic"
      },
      {
        Effect   = "Allow"
        Action   = ["lambda:CreateFunction", "lambda:InvokeFunction"]
        Resource = "*"
      },
    ]
  })
}

# PassRole of an admin role that only EC2 may assume, to Lambda.
resource "aws_iam_user" "decoy_passrole_wrong_service" {
  name = "decoy-passrole-wrong-service"
}

resource "aws_iam_user_policy" "decoy_passrole_wrong_service" {
  name = "deploy-functions"
  user = aws_iam_user.decoy_passrole_wrong_service.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "iam:PassRole"
        Resource = "arn:aws:iam::*:role/target-admin-ec2"
      },
      {
        Effect   = "Allow"
        Action   = ["lambda:CreateFunction", "lambda:InvokeFunction"]
        Resource = "*"
      },
    ]
  })
}

# PassRole of any role, but only to EC2, and no EC2 actions: a Lambda
# function cannot be given a role.
resource "aws_iam_user" "decoy_passed_to_service" {
  name = "decoy-passed-to-service"
}

resource "aws_iam_user_policy" "decoy_passed_to_service" {
  name = "deploy-functions"
  user = aws_iam_user.decoy_passed_to_service.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Action    = "iam:PassRole"
        Resource  = "*"
        Condition = { StringEquals = { "iam:PassedToService" = "ec2.amazonaws.com" } }
      },
      {
        Effect   = "Allow"
        Action   = ["lambda:CreateFunction", "lambda:InvokeFunction"]
        Resource = "*"
      },
    ]
  })
}

# PassRole of an admin role to AWS Config, the only service it trusts: Config
# runs no code of the caller's.
resource "aws_iam_user" "decoy_passrole_config" {
  name = "decoy-passrole-config"
}

resource "aws_iam_user_policy" "decoy_passrole_config" {
  name = "config-recorder"
  user = aws_iam_user.decoy_passrole_config.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "iam:PassRole"
        Resource = "arn:aws:iam::*:role/target-admin-config"
      },
      {
        Effect   = "Allow"
        Action   = ["config:PutConfigurationRecorder", "config:StartConfigurationRecorder"]
        Resource = "*"
      },
    ]
  })
}

# CreateAccessKey allowed, and denied by an explicit Deny in another policy.
resource "aws_iam_user" "decoy_explicit_deny" {
  name = "decoy-explicit-deny"
}

resource "aws_iam_user_policy" "decoy_explicit_deny_allow" {
  name = "keys"
  user = aws_iam_user.decoy_explicit_deny.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "iam:CreateAccessKey"
      Resource = "*"
    }]
  })
}

resource "aws_iam_user_policy" "decoy_explicit_deny_deny" {
  name = "no-keys"
  user = aws_iam_user.decoy_explicit_deny.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Deny"
      Action   = "iam:CreateAccessKey"
      Resource = "*"
    }]
  })
}

# CreateAccessKey allowed, but the permissions boundary (an AWS managed
# policy) allows S3 reads only.
resource "aws_iam_user" "decoy_boundary" {
  name                 = "decoy-boundary"
  permissions_boundary = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
}

resource "aws_iam_user_policy" "decoy_boundary" {
  name = "keys"
  user = aws_iam_user.decoy_boundary.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "iam:CreateAccessKey"
      Resource = "*"
    }]
  })
}

# AdministratorAccess attached, and a Deny of everything that nothing the
# user may do can remove.
resource "aws_iam_user" "decoy_deny_all" {
  name = "decoy-deny-all"
}

resource "aws_iam_user_policy_attachment" "decoy_deny_all" {
  user       = aws_iam_user.decoy_deny_all.name
  policy_arn = local.administrator_access
}

resource "aws_iam_user_policy" "decoy_deny_all" {
  name = "disabled"
  user = aws_iam_user.decoy_deny_all.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Deny"
      Action   = "*"
      Resource = "*"
    }]
  })
}

# AdministratorAccess and PutUserPolicy, but a managed policy denies all
# else: a new inline policy cannot lift a deny, and the deny is not an
# inline policy PutUserPolicy could overwrite.
resource "aws_iam_user" "decoy_guardrail_managed" {
  name = "decoy-guardrail-managed"
}

resource "aws_iam_user_policy_attachment" "decoy_guardrail_managed_admin" {
  user       = aws_iam_user.decoy_guardrail_managed.name
  policy_arn = local.administrator_access
}

resource "aws_iam_policy" "guardrail_managed" {
  name = "guardrail-managed"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      NotAction = ["iam:Get*", "iam:List*", "iam:PutUserPolicy"]
      Resource  = "*"
    }]
  })
}

resource "aws_iam_user_policy_attachment" "decoy_guardrail_managed_deny" {
  user       = aws_iam_user.decoy_guardrail_managed.name
  policy_arn = aws_iam_policy.guardrail_managed.arn
}

# AssumeRole of an admin role whose trust names another user of the
# account: the caller's own allow is not enough.
resource "aws_iam_user" "decoy_assume_not_trusted" {
  name = "decoy-assume-not-trusted"
}

resource "aws_iam_user_policy" "decoy_assume_not_trusted" {
  name = "assume"
  user = aws_iam_user.decoy_assume_not_trusted.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "sts:AssumeRole"
      Resource = ["arn:aws:iam::*:role/target-admin-trusts-pe", "arn:aws:iam::*:role/chain-key-maker"]
    }]
  })
}

# AssumeRole of an admin role only another account (with an external ID)
# may assume.
resource "aws_iam_user" "decoy_assume_external" {
  name = "decoy-assume-external"
}

resource "aws_iam_user_policy" "decoy_assume_external" {
  name = "assume"
  user = aws_iam_user.decoy_assume_external.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "sts:AssumeRole"
      Resource = "arn:aws:iam::*:role/target-admin-external"
    }]
  })
}

# CreatePolicyVersion of a policy attached only to a user nobody can become.
resource "aws_iam_user" "decoy_other_policy_version" {
  name = "decoy-other-policy-version"
}

resource "aws_iam_user_policy" "decoy_other_policy_version" {
  name = "edit-billing-policy"
  user = aws_iam_user.decoy_other_policy_version.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["iam:CreatePolicyVersion", "iam:GetPolicyVersion"]
      Resource = "arn:aws:iam::*:policy/billing-reports"
    }]
  })
}

resource "aws_iam_policy" "billing_reports" {
  name = "billing-reports"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["ce:GetCostAndUsage", "ce:GetCostForecast"]
      Resource = "*"
    }]
  })
}

resource "aws_iam_user" "billing_bot" {
  name = "billing-bot"
}

resource "aws_iam_user_policy_attachment" "billing_bot" {
  user       = aws_iam_user.billing_bot.name
  policy_arn = aws_iam_policy.billing_reports.arn
}

# A customer managed policy named AdministratorAccess that reads S3.
resource "aws_iam_policy" "fake_admin" {
  name = "AdministratorAccess"
  path = "/lookalike/"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:Get*", "s3:List*"]
      Resource = "*"
    }]
  })
}

resource "aws_iam_user" "decoy_fake_admin" {
  name = "decoy-fake-admin"
}

resource "aws_iam_user_policy_attachment" "decoy_fake_admin" {
  user       = aws_iam_user.decoy_fake_admin.name
  policy_arn = aws_iam_policy.fake_admin.arn
}

# TagUser on oneself where no policy looks at tags.
resource "aws_iam_user" "decoy_tag_self" {
  name = "decoy-tag-self"
}

resource "aws_iam_user_policy" "decoy_tag_self" {
  name = "self-tagging"
  user = aws_iam_user.decoy_tag_self.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["iam:TagUser", "iam:UntagUser"]
        Resource = "arn:aws:iam::*:user/$${aws:username}"
      },
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject"]
        Resource = "arn:aws:s3:::team-reports/*"
      },
    ]
  })
}

# UpdateFunctionCode of a function whose role is not admin.
resource "aws_iam_user" "decoy_update_thumbnailer" {
  name = "decoy-update-thumbnailer"
}

resource "aws_iam_user_policy" "decoy_update_thumbnailer" {
  name = "deploy-thumbnailer"
  user = aws_iam_user.decoy_update_thumbnailer.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration"]
      Resource = "arn:aws:lambda:*:*:function:thumbnailer"
    }]
  })
}

# AttachRolePolicy on a role nobody can become but Glue: the user may make
# it admin, but cannot act as it.
resource "aws_iam_role" "report_runner" {
  name = "report-runner"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "glue.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "report_runner" {
  name = "read-reports"
  role = aws_iam_role.report_runner.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:ListBucket"]
      Resource = ["arn:aws:s3:::team-reports", "arn:aws:s3:::team-reports/*"]
    }]
  })
}

resource "aws_iam_user" "decoy_attach_unusable_role" {
  name = "decoy-attach-unusable-role"
}

resource "aws_iam_user_policy" "decoy_attach_unusable_role" {
  name = "manage-report-runner"
  user = aws_iam_user.decoy_attach_unusable_role.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["iam:AttachRolePolicy", "iam:PutRolePolicy"]
      Resource = "arn:aws:iam::*:role/report-runner"
    }]
  })
}
