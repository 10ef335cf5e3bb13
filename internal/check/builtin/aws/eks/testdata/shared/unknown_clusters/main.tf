variable "public" {}
variable "log_types" {
  type = list(string)
}
variable "key_arn" {}
variable "k8s_version" {}

resource "aws_eks_cluster" "unknown" {
  name     = "unknown"
  role_arn = "arn:aws:iam::111122223333:role/eks-cluster"
  version  = var.k8s_version

  vpc_config {
    subnet_ids             = ["subnet-0123456789abcdef0"]
    endpoint_public_access = var.public
  }

  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = var.key_arn
    }
  }

  enabled_cluster_log_types = var.log_types
}

# No version: AWS picks one at creation.
resource "aws_eks_cluster" "latest" {
  name                      = "latest"
  role_arn                  = "arn:aws:iam::111122223333:role/eks-cluster"
  enabled_cluster_log_types = ["api", "audit", "authenticator"]
  vpc_config {
    subnet_ids             = ["subnet-0123456789abcdef0"]
    endpoint_public_access = false
  }
  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    }
  }
}
