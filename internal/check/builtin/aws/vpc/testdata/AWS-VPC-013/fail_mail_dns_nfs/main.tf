resource "aws_security_group" "mail" {
  name        = "mail"
  description = "Self-hosted mail and DNS"

  ingress {
    description = "SMTP"
    from_port   = 25
    to_port     = 25
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # want: AWS-VPC-013
  }

  ingress {
    description      = "DNS queries"
    from_port        = 53
    to_port          = 53
    protocol         = "udp"
    ipv6_cidr_blocks = ["::/0"] # want: AWS-VPC-013
  }
}

resource "aws_security_group" "nfs" {
  name        = "nfs"
  description = "NFS server"
}

resource "aws_vpc_security_group_ingress_rule" "nfs" {
  security_group_id = aws_security_group.nfs.id
  description       = "NFS"
  ip_protocol       = "tcp"
  from_port         = 2049
  to_port           = 2049
  cidr_ipv4         = "0.0.0.0/0" # want: AWS-VPC-013
}

resource "aws_vpc_security_group_ingress_rule" "winrm" {
  security_group_id = aws_security_group.nfs.id
  description       = "WinRM over HTTP and HTTPS"
  ip_protocol       = "6"
  from_port         = 5985
  to_port           = 5986
  cidr_ipv4         = "0.0.0.0/0" # want: AWS-VPC-013
}
