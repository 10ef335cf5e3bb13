resource "aws_eks_cluster" "nologs" { # want: AWS-EKS-003
  name     = "nologs"
  role_arn = "arn:aws:iam::111122223333:role/eks-cluster"
  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0"]
  }
}

resource "aws_eks_cluster" "some" {
  name                      = "some"
  role_arn                  = "arn:aws:iam::111122223333:role/eks-cluster"
  enabled_cluster_log_types = ["api", "authenticator"] # want: AWS-EKS-003
  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0"]
  }
}
