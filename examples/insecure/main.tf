terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "environment" {
  type = string
}

variable "buckets" {
  description = "Data buckets and whether each is public"
  type        = map(object({ public = bool }))
}

variable "admin_cidrs" {
  type    = list(string)
  default = ["0.0.0.0/0"]
}

variable "audit_bucket_versioning" {
  description = "Deliberately unset: its value cannot be known, so nothing is reported on it"
  type        = string
}

locals {
  name_prefix = "acme-${var.environment}"
  common_tags = {
    environment = var.environment
    owner       = "platform"
  }
}

module "data_bucket" {
  source   = "./modules/bucket"
  for_each = var.buckets

  name   = "${local.name_prefix}-${each.key}"
  public = each.value.public
  tags   = local.common_tags
}

resource "aws_s3_bucket" "audit" {
  bucket = "${local.name_prefix}-audit"
  tags   = local.common_tags
}

resource "aws_s3_bucket_versioning" "audit" {
  bucket = aws_s3_bucket.audit.id
  versioning_configuration {
    status = var.audit_bucket_versioning
  }
}
