# Targets: the admin-equivalent identities and workloads the techniques reach,
# and the low-privilege ones decoys point at.

# An admin user without a console password (CreateLoginProfile,
# CreateAccessKey target).
resource "aws_iam_user" "admin" {
  name = "target-admin"
}

resource "aws_iam_user_policy_attachment" "admin" {
  user       = aws_iam_user.admin.name
  policy_arn = local.administrator_access
}

# An admin user with a console password (UpdateLoginProfile target).
resource "aws_iam_user" "admin_console" {
  name = "target-admin-console"
}

resource "aws_iam_user_policy_attachment" "admin_console" {
  user       = aws_iam_user.admin_console.name
  policy_arn = local.administrator_access
}

resource "aws_iam_user_login_profile" "admin_console" {
  user                    = aws_iam_user.admin_console.name
  password_reset_required = true
}

# The admin group (AddUserToGroup target) and a member who is admin through
# it.
resource "aws_iam_group" "admins" {
  name = "target-admins"
}

resource "aws_iam_group_policy_attachment" "admins" {
  group      = aws_iam_group.admins.name
  policy_arn = local.administrator_access
}

resource "aws_iam_user" "ops_lead" {
  name = "target-ops-lead"
}

resource "aws_iam_group_membership" "admins" {
  name  = "target-admins-members"
  group = aws_iam_group.admins.name
  users = [aws_iam_user.ops_lead.name]
}

# A read-only user: the target of decoys that reach a non-admin identity.
resource "aws_iam_user" "intern" {
  name = "target-intern"
}

resource "aws_iam_user_policy_attachment" "intern" {
  user       = aws_iam_user.intern.name
  policy_arn = local.read_only_access
}

# One admin role per service that can be handed a role and run code with it.
locals {
  admin_service_roles = {
    ec2            = "ec2.amazonaws.com"
    lambda         = "lambda.amazonaws.com"
    cloudformation = "cloudformation.amazonaws.com"
    glue           = "glue.amazonaws.com"
    sagemaker      = "sagemaker.amazonaws.com"
    codebuild      = "codebuild.amazonaws.com"
    ecs-tasks      = "ecs-tasks.amazonaws.com"
    datapipeline   = "datapipeline.amazonaws.com"
    states         = "states.amazonaws.com"
    apprunner      = "tasks.apprunner.amazonaws.com"
    agentcore      = "bedrock-agentcore.amazonaws.com"
  }
}

resource "aws_iam_role" "service_admin" {
  for_each = local.admin_service_roles

  name = "target-admin-${each.key}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = each.value }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "service_admin" {
  for_each = local.admin_service_roles

  role       = aws_iam_role.service_admin[each.key].name
  policy_arn = local.administrator_access
}

# EC2 takes roles through instance profiles: RunInstances, launch
# configurations and templates, spot requests and EMR clusters (whose nodes
# run the job's code with it) use this one.
resource "aws_iam_instance_profile" "admin_ec2" {
  name = "target-admin-ec2"
  role = aws_iam_role.service_admin["ec2"].name
}

# An admin role any principal of the account may assume when its own
# policies allow it: the trust names the account, not a principal.
resource "aws_iam_role" "admin_account_trust" {
  name = "target-admin-account"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${local.account_id}:root" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "admin_account_trust" {
  role       = aws_iam_role.admin_account_trust.name
  policy_arn = local.administrator_access
}

# An admin role whose trust names one user of the account (sts:AssumeRole
# technique).
resource "aws_iam_role" "admin_trusts_user" {
  name = "target-admin-trusts-pe"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${local.account_id}:user/pe-assume-role" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "admin_trusts_user" {
  role       = aws_iam_role.admin_trusts_user.name
  policy_arn = local.administrator_access
}

# An admin role only another account may assume.
resource "aws_iam_role" "admin_external_trust" {
  name = "target-admin-external"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::444455556666:root" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "sts:ExternalId" = "audit-7f3a" } }
    }]
  })
}

resource "aws_iam_role_policy_attachment" "admin_external_trust" {
  role       = aws_iam_role.admin_external_trust.name
  policy_arn = local.administrator_access
}

# An admin role only AWS Config may assume: passing it to Config runs no
# code of the caller's.
resource "aws_iam_role" "admin_config" {
  name = "target-admin-config"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "config.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "admin_config" {
  role       = aws_iam_role.admin_config.name
  policy_arn = local.administrator_access
}

# Low-privilege roles for Lambda and EC2.
resource "aws_iam_role" "lambda_basic" {
  name = "lambda-basic"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "lambda_basic" {
  role       = aws_iam_role.lambda_basic.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_iam_role" "web" {
  name = "web"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ec2.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "web" {
  name = "static-assets"
  role = aws_iam_role.web.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:ListBucket"]
      Resource = ["arn:aws:s3:::web-static-assets", "arn:aws:s3:::web-static-assets/*"]
    }]
  })
}

resource "aws_iam_instance_profile" "web" {
  name = "web"
  role = aws_iam_role.web.name
}

# The EMR service role: a cluster needs one besides the nodes' instance
# profile; it is not admin and runs no code of the caller's.
resource "aws_iam_role" "emr_service" {
  name = "emr-service"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "elasticmapreduce.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "emr_service" {
  name = "describe"
  role = aws_iam_role.emr_service.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["ec2:Describe*", "elasticmapreduce:Describe*"]
      Resource = "*"
    }]
  })
}

# Workloads that run with the admin roles, and low-privilege ones.
resource "aws_instance" "admin_box" {
  ami                  = "ami-0abcdef1234567890"
  instance_type        = "t3.micro"
  iam_instance_profile = aws_iam_instance_profile.admin_ec2.name
  tags = {
    Name = "admin-box"
  }
}

resource "aws_instance" "web" {
  ami                  = "ami-0abcdef1234567890"
  instance_type        = "t3.micro"
  iam_instance_profile = aws_iam_instance_profile.web.name
  tags = {
    Name = "web"
  }
}

resource "aws_lambda_function" "admin_fn" {
  function_name = "admin-fn"
  role          = "arn:aws:iam::${local.account_id}:role/target-admin-lambda"
  runtime       = "python3.12"
  handler       = "main.handler"
  s3_bucket     = "artifacts-bucket"
  s3_key        = "admin-fn.zip"
}

resource "aws_lambda_function" "thumbnailer" {
  function_name = "thumbnailer"
  role          = "arn:aws:iam::${local.account_id}:role/lambda-basic"
  runtime       = "python3.12"
  handler       = "main.handler"
  s3_bucket     = "artifacts-bucket"
  s3_key        = "thumbnailer.zip"
}
