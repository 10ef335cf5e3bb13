resource "aws_db_instance" "app" {
  identifier                  = "app"
  engine                      = "mysql"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  auto_minor_version_upgrade  = false # want: AWS-RDS-006
}

resource "aws_rds_cluster_instance" "writer" {
  identifier                 = "writer"
  cluster_identifier         = "main"
  instance_class             = "db.r6g.large"
  engine                     = "aurora-mysql"
  auto_minor_version_upgrade = false # want: AWS-RDS-006
}
