resource "aws_kms_key" "data" {
  description             = "data"
  enable_key_rotation     = true
  rotation_period_in_days = 180
}

# AWS cannot rotate asymmetric or HMAC keys: not judged.
resource "aws_kms_key" "signing" {
  description              = "signing"
  key_usage                = "SIGN_VERIFY"
  customer_master_key_spec = "ECC_NIST_P256"
}

resource "aws_kms_key" "mac" {
  description              = "mac"
  key_usage                = "GENERATE_VERIFY_MAC"
  customer_master_key_spec = "HMAC_256"
}
