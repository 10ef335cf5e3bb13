resource "aws_db_instance" "app" {
  identifier                  = "app"
  engine                      = "mysql"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  publicly_accessible         = true # want: AWS-RDS-002
}

resource "aws_rds_cluster_instance" "writer" {
  identifier          = "writer"
  cluster_identifier  = "main"
  instance_class      = "db.r6g.large"
  engine              = "aurora-mysql"
  publicly_accessible = true # want: AWS-RDS-002
}
