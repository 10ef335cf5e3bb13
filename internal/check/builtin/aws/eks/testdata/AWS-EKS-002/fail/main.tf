resource "aws_eks_cluster" "plain" { # want: AWS-EKS-002
  name     = "plain"
  role_arn = "arn:aws:iam::111122223333:role/eks-cluster"
  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0"]
  }
}
