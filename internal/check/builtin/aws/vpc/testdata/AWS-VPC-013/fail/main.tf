resource "aws_security_group" "files" {
  name        = "files"
  description = "File server"

  ingress {
    description = "SMB"
    from_port   = 445
    to_port     = 445
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # want: AWS-VPC-013
  }
}

resource "aws_security_group_rule" "legacy" {
  type              = "ingress"
  security_group_id = aws_security_group.files.id
  description       = "FTP and Telnet"
  from_port         = 20
  to_port           = 23
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"] # want: AWS-VPC-013
}
