resource "aws_eks_node_group" "restricted" {
  cluster_name    = "main"
  node_group_name = "restricted"
  node_role_arn   = "arn:aws:iam::111122223333:role/eks-node"
  subnet_ids      = ["subnet-0123456789abcdef0"]
  scaling_config {
    desired_size = 2
    max_size     = 3
    min_size     = 1
  }
  remote_access {
    ec2_ssh_key               = "ops"
    source_security_group_ids = ["sg-0123456789abcdef0"]
  }
}

resource "aws_eks_node_group" "nossh" {
  cluster_name    = "main"
  node_group_name = "nossh"
  node_role_arn   = "arn:aws:iam::111122223333:role/eks-node"
  subnet_ids      = ["subnet-0123456789abcdef0"]
  scaling_config {
    desired_size = 2
    max_size     = 3
    min_size     = 1
  }
}
