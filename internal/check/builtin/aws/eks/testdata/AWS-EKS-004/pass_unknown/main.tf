variable "ssh_key" {}
variable "ssh" {
  type = bool
}

resource "aws_eks_node_group" "maybe" {
  cluster_name    = "main"
  node_group_name = "maybe"
  node_role_arn   = "arn:aws:iam::111122223333:role/eks-node"
  subnet_ids      = ["subnet-0123456789abcdef0"]
  scaling_config {
    desired_size = 2
    max_size     = 3
    min_size     = 1
  }
  remote_access {
    ec2_ssh_key = var.ssh_key
  }
}

resource "aws_eks_node_group" "dynamic" {
  cluster_name    = "main"
  node_group_name = "dynamic"
  node_role_arn   = "arn:aws:iam::111122223333:role/eks-node"
  subnet_ids      = ["subnet-0123456789abcdef0"]
  scaling_config {
    desired_size = 2
    max_size     = 3
    min_size     = 1
  }
  dynamic "remote_access" {
    for_each = var.ssh ? ["ops"] : []
    content {
      ec2_ssh_key = remote_access.value
    }
  }
}
