resource "aws_kms_key" "rds" {
  enable_key_rotation = true
}

resource "aws_db_instance" "app" {
  identifier                  = "app"
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  kms_key_id                  = aws_kms_key.rds.arn
}

# A read replica inherits encryption from its source.
resource "aws_db_instance" "replica" {
  identifier          = "app-replica"
  replicate_source_db = aws_db_instance.app.identifier
  instance_class      = "db.t4g.micro"
}

# Aurora Serverless v1 storage is always encrypted.
resource "aws_rds_cluster" "serverless" {
  cluster_identifier          = "serverless"
  engine                      = "aurora-mysql"
  engine_mode                 = "serverless"
  master_username             = "app"
  manage_master_user_password = true
}

# A restore inherits encryption from the snapshot.
resource "aws_rds_cluster" "restored" {
  cluster_identifier  = "restored"
  engine              = "aurora-postgresql"
  snapshot_identifier = "arn:aws:rds:eu-west-1:123456789012:cluster-snapshot:nightly"
}
