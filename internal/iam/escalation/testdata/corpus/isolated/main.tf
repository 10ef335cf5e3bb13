# Privilege-escalation corpus, isolated estate: a second deployment with no
# admin workload, no admin instance profile and no role that trusts the
# account, where a PowerUser-like principal has nowhere to go and swapping
# the role of an instance profile is the only way to an admin role.

terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
}

locals {
  ec2_trust = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ec2.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

# An admin role EC2 may assume, in no instance profile.
resource "aws_iam_role" "admin_ec2" {
  name               = "isolated-admin-ec2"
  assume_role_policy = local.ec2_trust
}

resource "aws_iam_role_policy_attachment" "admin_ec2" {
  role       = aws_iam_role.admin_ec2.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

# A web server with a low-privilege role.
resource "aws_iam_role" "web" {
  name               = "isolated-web"
  assume_role_policy = local.ec2_trust
}

resource "aws_iam_role_policy" "web" {
  name = "static-assets"
  role = aws_iam_role.web.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "s3:GetObject"
      Resource = "arn:aws:s3:::isolated-static-assets/*"
    }]
  })
}

resource "aws_iam_instance_profile" "web" {
  name = "isolated-web"
  role = aws_iam_role.web.name
}

resource "aws_instance" "web" {
  ami                  = "ami-0abcdef1234567890"
  instance_type        = "t3.micro"
  iam_instance_profile = aws_iam_instance_profile.web.name
}

# Instance-profile role swap: take the web role out of the web server's
# instance profile, put the admin role in (passing it), then run a command
# on the server.
resource "aws_iam_user" "pe_instance_profile_swap" {
  name = "pe-instance-profile-swap"
}

resource "aws_iam_user_policy" "pe_instance_profile_swap" {
  name = "swap-and-run"
  user = aws_iam_user.pe_instance_profile_swap.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["iam:RemoveRoleFromInstanceProfile", "iam:AddRoleToInstanceProfile"]
        Resource = "arn:aws:iam::*:instance-profile/isolated-web"
      },
      {
        Effect   = "Allow"
        Action   = "iam:PassRole"
        Resource = "arn:aws:iam::*:role/isolated-admin-ec2"
      },
      {
        Effect   = "Allow"
        Action   = "ssm:SendCommand"
        Resource = "*"
      },
    ]
  })
}

# PowerUser-like (everything but IAM and Organizations): not admin, and
# here it cannot escalate. Without iam:PassRole it cannot hand the admin role
# to anything; the only instance runs with the web role; no role trusts the
# account or the user.
resource "aws_iam_user" "decoy_power_user" {
  name = "decoy-power-user"
}

resource "aws_iam_user_policy" "decoy_power_user" {
  name = "power-user"
  user = aws_iam_user.decoy_power_user.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      NotAction = ["iam:*", "organizations:*", "account:*"]
      Resource  = "*"
    }]
  })
}

# PassRole of the admin role with RunInstances, but the role is in no
# instance profile and the user cannot put it in one.
resource "aws_iam_user" "decoy_passrole_no_profile" {
  name = "decoy-passrole-no-profile"
}

resource "aws_iam_user_policy" "decoy_passrole_no_profile" {
  name = "launch"
  user = aws_iam_user.decoy_passrole_no_profile.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "iam:PassRole"
        Resource = "arn:aws:iam::*:role/isolated-admin-ec2"
      },
      {
        Effect   = "Allow"
        Action   = ["ec2:RunInstances", "ec2:AssociateIamInstanceProfile"]
        Resource = "*"
      },
    ]
  })
}
