# Multi-hop chains: no single principal below is admin or holds a one-step
# technique to admin on its own, except the last hop of each chain.

# user chain-user → assume chain-key-maker (its trust names the user) →
# create an access key for target-admin.
resource "aws_iam_user" "chain_user" {
  name = "chain-user"
}

resource "aws_iam_user_policy" "chain_user" {
  name = "assume-key-maker"
  user = aws_iam_user.chain_user.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "sts:AssumeRole"
      Resource = "arn:aws:iam::*:role/chain-key-maker"
    }]
  })
}

resource "aws_iam_role" "chain_key_maker" {
  name = "chain-key-maker"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${local.account_id}:user/chain-user" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "chain_key_maker" {
  name = "rotate-admin-keys"
  role = aws_iam_role.chain_key_maker.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["iam:CreateAccessKey", "iam:ListAccessKeys"]
      Resource = "arn:aws:iam::*:user/target-admin"
    }]
  })
}

# Cross-account style: user chain-deployer-user → assume chain-deployer, whose
# trust names the account (so the user's own allow is what lets it in) →
# pass the admin Lambda role to a new function and invoke it.
resource "aws_iam_user" "chain_deployer_user" {
  name = "chain-deployer-user"
}

resource "aws_iam_user_policy" "chain_deployer_user" {
  name = "assume-deployer"
  user = aws_iam_user.chain_deployer_user.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "sts:AssumeRole"
      Resource = "arn:aws:iam::${local.account_id}:role/chain-deployer"
    }]
  })
}

resource "aws_iam_role" "chain_deployer" {
  name = "chain-deployer"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${local.account_id}:root" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "chain_deployer" {
  name = "deploy-functions"
  role = aws_iam_role.chain_deployer.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "iam:PassRole"
        Resource = "arn:aws:iam::*:role/target-admin-lambda"
      },
      {
        Effect   = "Allow"
        Action   = ["lambda:CreateFunction", "lambda:InvokeFunction"]
        Resource = "*"
      },
    ]
  })
}

# A group grants the first hop: user chain-ops-user (in group chain-ops) →
# assume chain-ops-runner (trust names the account) → run a command on the
# admin instance.
resource "aws_iam_user" "chain_ops_user" {
  name = "chain-ops-user"
}

resource "aws_iam_group" "chain_ops" {
  name = "chain-ops"
}

resource "aws_iam_group_membership" "chain_ops" {
  name  = "chain-ops"
  group = aws_iam_group.chain_ops.name
  users = [aws_iam_user.chain_ops_user.name]
}

resource "aws_iam_group_policy" "chain_ops" {
  name  = "assume-runner"
  group = aws_iam_group.chain_ops.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "sts:AssumeRole"
      Resource = "arn:aws:iam::*:role/chain-ops-runner"
    }]
  })
}

resource "aws_iam_role" "chain_ops_runner" {
  name = "chain-ops-runner"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${local.account_id}:root" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "chain_ops_runner" {
  name = "run-commands"
  role = aws_iam_role.chain_ops_runner.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "ssm:SendCommand"
      Resource = "*"
    }]
  })
}
