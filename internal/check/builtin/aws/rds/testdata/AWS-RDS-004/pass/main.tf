resource "aws_db_instance" "app" {
  identifier                          = "app"
  engine                              = "postgres"
  instance_class                      = "db.t4g.micro"
  allocated_storage                   = 20
  username                            = "app"
  manage_master_user_password         = true
  iam_database_authentication_enabled = true
}

# Oracle does not support IAM database authentication.
resource "aws_db_instance" "erp" {
  identifier                  = "erp"
  engine                      = "oracle-se2"
  license_model               = "license-included"
  instance_class              = "db.m6i.large"
  allocated_storage           = 100
  username                    = "erp"
  manage_master_user_password = true
}
