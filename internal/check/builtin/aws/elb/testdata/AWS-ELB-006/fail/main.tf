resource "aws_lb" "web" {
  name                   = "web"
  subnets                = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  desync_mitigation_mode = "monitor" # want: AWS-ELB-006
}
