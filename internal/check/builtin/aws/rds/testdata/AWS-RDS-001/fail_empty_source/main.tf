# Modules pass "" for "not a replica" and "no snapshot": the provider reads
# that as unset, so this is a new, unencrypted database.
resource "aws_db_instance" "app" { # want: AWS-RDS-001
  identifier          = "app"
  engine              = "mysql"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "app"
  password            = "averylongpassword1"
  replicate_source_db = ""
  snapshot_identifier = ""
}
