# One estate exercising every join Build makes. awsestate_test.go says what
# each principal, resource and workload must come out as.

variable "computed_policy_arn" {
  type = string
}

variable "queue_policy" {
  type = string
}

# Users and groups: alice and carol are in ops and inherit its policies;
# bob has the customer managed policy deploy, which the app role shares.

resource "aws_iam_user" "alice" {
  name = "alice"
  path = "/staff/"
  tags = {
    team = "ops"
  }
}

resource "aws_iam_user" "bob" {
  name = "bob"
}

resource "aws_iam_user" "carol" {
  name = "carol"
}

resource "aws_iam_group" "ops" {
  name = "ops"
}

resource "aws_iam_group_membership" "ops" {
  name  = "ops"
  group = aws_iam_group.ops.name
  users = [aws_iam_user.alice.name, aws_iam_user.carol.name]
}

resource "aws_iam_group_policy" "ops_read" {
  name  = "read"
  group = aws_iam_group.ops.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:Get*", Resource = "*" }]
  })
}

resource "aws_iam_group_policy_attachment" "ops_admin" {
  group      = aws_iam_group.ops.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_user_policy" "alice_own" {
  name = "own"
  user = aws_iam_user.alice.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "iam:ChangePassword", Resource = "*" }]
  })
}

resource "aws_iam_policy" "deploy" {
  name = "deploy"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "lambda:UpdateFunctionCode", Resource = "*" }]
  })
}

resource "aws_iam_user_policy_attachment" "bob_deploy" {
  user       = aws_iam_user.bob.name
  policy_arn = aws_iam_policy.deploy.arn
}

# Users whose permissions are not all known: dave has an attachment whose
# ARN is computed, erin a policy outside the configuration and the
# catalogue, frank a group the configuration does not define.

resource "aws_iam_user" "dave" {
  name = "dave"
}

resource "aws_iam_user_policy_attachment" "dave_computed" {
  user       = aws_iam_user.dave.name
  policy_arn = var.computed_policy_arn
}

resource "aws_iam_user" "erin" {
  name = "erin"
}

resource "aws_iam_user_policy_attachment" "erin_outside" {
  user       = aws_iam_user.erin.name
  policy_arn = "arn:aws:iam::123456789012:policy/outside"
}

resource "aws_iam_user" "frank" {
  name = "frank"
}

resource "aws_iam_user_group_membership" "frank" {
  user   = aws_iam_user.frank.name
  groups = ["external"]
}

# Roles: app runs on EC2 through an instance profile, bounded by an AWS
# managed policy; gen has a generated name; bounded has a boundary defined
# in the configuration, whose ARN is known only at apply time: the model
# links it.

resource "aws_iam_role" "app" {
  name                 = "app"
  permissions_boundary = "arn:aws:iam::aws:policy/PowerUserAccess"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy_attachment" "app_deploy" {
  role       = aws_iam_role.app.name
  policy_arn = aws_iam_policy.deploy.arn
}

resource "aws_iam_role_policy_attachment" "app_read" {
  role       = aws_iam_role.app.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_instance_profile" "app" {
  name = "app-profile"
  role = aws_iam_role.app.name
}

resource "aws_instance" "app" {
  ami                  = "ami-0abcdef1234567890"
  instance_type        = "t3.micro"
  iam_instance_profile = aws_iam_instance_profile.app.name
}

resource "aws_iam_role" "gen" {
  name_prefix = "gen-"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_policy" "boundary" {
  name   = "boundary"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }] })
}

resource "aws_iam_role" "bounded" {
  name                 = "bounded"
  permissions_boundary = aws_iam_policy.boundary.arn
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role" "autoscaling" {
  name = "AWSServiceRoleForAutoScaling"
  path = "/aws-service-role/autoscaling.amazonaws.com/"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "autoscaling.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

# Workloads: fn names its role by a literal ARN in the real account, linked
# by name; computed_fn and task by references to roles of the
# configuration, whose ARNs are known only at apply time: the model links
# them.

resource "aws_lambda_function" "fn" {
  function_name = "fn"
  role          = "arn:aws:iam::123456789012:role/bounded"
  runtime       = "python3.12"
  handler       = "main.handler"
  filename      = "fn.zip"
}

resource "aws_lambda_function" "computed_fn" {
  function_name = "computed-fn"
  role          = aws_iam_role.gen.arn
  runtime       = "python3.12"
  handler       = "main.handler"
  filename      = "fn.zip"
}

resource "aws_lambda_permission" "s3_invoke" {
  statement_id  = "s3"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.fn.function_name
  principal     = "s3.amazonaws.com"
  source_arn    = "arn:aws:s3:::uploads"
}

resource "aws_ecs_task_definition" "task" {
  family        = "task"
  task_role_arn = aws_iam_role.app.arn
  container_definitions = jsonencode([{ name = "app", image = "app:1" }])
}

# Resources: a bucket with a policy, one without, a key without a policy
# (AWS's default key policy applies) and a queue whose policy is not known.

resource "aws_s3_bucket" "uploads" {
  bucket = "uploads"
}

resource "aws_s3_bucket_policy" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::uploads/*"
    }]
  })
}

resource "aws_s3_bucket" "plain" {
  bucket = "plain"
}

resource "aws_kms_key" "data" {
  description = "data"
}

resource "aws_sqs_queue" "jobs" {
  name   = "jobs"
  policy = var.queue_policy
}
