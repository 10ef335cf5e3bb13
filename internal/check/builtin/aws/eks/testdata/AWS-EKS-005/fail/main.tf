resource "aws_eks_cluster" "old" {
  name     = "old"
  role_arn = "arn:aws:iam::111122223333:role/eks-cluster"
  version  = "1.24" # want: AWS-EKS-005
  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0"]
  }
}

resource "aws_eks_cluster" "extended" {
  name     = "extended"
  role_arn = "arn:aws:iam::111122223333:role/eks-cluster"
  version  = "1.30" # want: AWS-EKS-005
  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0"]
  }
}
