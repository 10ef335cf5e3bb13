resource "aws_eks_cluster" "good" {
  name     = "good"
  role_arn = "arn:aws:iam::111122223333:role/eks-cluster"
  version  = "1.35"

  vpc_config {
    subnet_ids              = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
    endpoint_private_access = true
    endpoint_public_access  = true
    public_access_cidrs     = ["203.0.113.0/24"]
  }

  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    }
  }

  enabled_cluster_log_types = ["api", "audit", "authenticator"]
}
