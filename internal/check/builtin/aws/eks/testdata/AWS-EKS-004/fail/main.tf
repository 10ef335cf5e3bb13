resource "aws_eks_node_group" "workers" {
  cluster_name    = "main"
  node_group_name = "workers"
  node_role_arn   = "arn:aws:iam::111122223333:role/eks-node"
  subnet_ids      = ["subnet-0123456789abcdef0"]

  scaling_config {
    desired_size = 2
    max_size     = 3
    min_size     = 1
  }

  remote_access { # want: AWS-EKS-004
    ec2_ssh_key = "ops"
  }
}
