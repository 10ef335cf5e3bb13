resource "aws_db_instance" "app" {
  identifier              = "app"
  engine                  = "mysql"
  instance_class          = "db.t3.micro"
  allocated_storage       = 20
  storage_encrypted       = true
  backup_retention_period = 1 # want: AWS-RDS-003
  replicate_source_db     = ""
}
