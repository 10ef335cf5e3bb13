resource "aws_db_parameter_group" "pg14" {
  name   = "app-pg14"
  family = "postgres14"

  parameter {
    name  = "rds.force_ssl"
    value = "0" # want: AWS-RDS-009
  }
}

resource "aws_db_instance" "app" {
  identifier                  = "app"
  engine                      = "postgres"
  engine_version              = "14.12"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  parameter_group_name        = aws_db_parameter_group.pg14.name
}

resource "aws_db_parameter_group" "mysql" { # want: AWS-RDS-009
  name   = "shop-mysql80"
  family = "mysql8.0"

  parameter {
    name  = "slow_query_log"
    value = "1"
  }
}

resource "aws_db_instance" "shop" {
  identifier                  = "shop"
  engine                      = "mysql"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "shop"
  manage_master_user_password = true
  parameter_group_name        = "shop-mysql80"
}

resource "aws_rds_cluster_parameter_group" "aurora" {
  name   = "main-aurora-pg16"
  family = "aurora-postgresql16"

  parameter {
    name  = "rds.force_ssl"
    value = "0" # want: AWS-RDS-009
  }
}

resource "aws_rds_cluster" "main" {
  cluster_identifier              = "main"
  engine                          = "aurora-postgresql"
  master_username                 = "app"
  manage_master_user_password     = true
  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.aurora.name
}
