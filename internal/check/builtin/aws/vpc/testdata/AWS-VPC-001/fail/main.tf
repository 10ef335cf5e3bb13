resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_security_group" "bastion" {
  name        = "bastion"
  description = "Bastion host"
  vpc_id      = aws_vpc.main.id

  ingress {
    description = "SSH"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"] # want: AWS-VPC-001
  }
}

resource "aws_security_group" "windows" {
  name        = "windows"
  description = "Windows hosts"
  vpc_id      = aws_vpc.main.id

  ingress = [{ # want: AWS-VPC-001
    description      = "RDP"
    from_port        = 3389
    to_port          = 3389
    protocol         = "6"
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = []
    prefix_list_ids  = []
    security_groups  = []
    self             = false
  }]
}

resource "aws_security_group" "app" {
  name        = "app"
  description = "App servers"
  vpc_id      = aws_vpc.main.id
}

# A port range that includes 22.
resource "aws_security_group_rule" "wide" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  description       = "Everything TCP"
  from_port         = 0
  to_port           = 65535
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"] # want: AWS-VPC-001
}

# Protocol all includes every port.
resource "aws_vpc_security_group_ingress_rule" "all" {
  security_group_id = aws_security_group.app.id
  description       = "Everything"
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0" # want: AWS-VPC-001
}
