# Privilege-escalation corpus, main estate: one principal per technique, the
# targets they escalate to, decoys that cannot escalate and principals that
# can although they look safe. expectations.txt (one directory up) says what
# the escalation engine must find for every user and role declared here.
#
# ARNs of the estate's own identities name var.account_id (the test builds
# the estate for that account), or a wildcard account.

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
  region = "us-east-1"
}

variable "account_id" {
  description = "The account the estate is deployed to."
  type        = string
  default     = "111122223333"
}

locals {
  account_id = var.account_id

  administrator_access = "arn:aws:iam::aws:policy/AdministratorAccess"
  read_only_access     = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
