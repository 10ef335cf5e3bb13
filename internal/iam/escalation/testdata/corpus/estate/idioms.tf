# The same techniques as elsewhere, with the link between principal and
# target written the way most configurations write it: as a reference to
# the other resource (its arn), known only after apply. The estate must still
# tell which principal or role the reference names.

# A function whose role is given as a reference.
resource "aws_lambda_function" "admin_fn_ref" {
  function_name = "admin-fn-ref"
  role          = aws_iam_role.service_admin["lambda"].arn
  runtime       = "python3.12"
  handler       = "main.handler"
  s3_bucket     = "artifacts-bucket"
  s3_key        = "admin-fn.zip"
}

resource "aws_iam_user" "pe_ref_lambda_role" {
  name = "pe-ref-lambda-role"
}

resource "aws_iam_user_policy" "pe_ref_lambda_role" {
  name = "deploy-admin-fn-ref"
  user = aws_iam_user.pe_ref_lambda_role.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "lambda:UpdateFunctionCode"
      Resource = "arn:aws:lambda:*:*:function:admin-fn-ref"
    }]
  })
}

# A role whose trust names the user by a reference to it.
resource "aws_iam_user" "pe_ref_trust" {
  name = "pe-ref-trust"
}

resource "aws_iam_user_policy" "pe_ref_trust" {
  name = "assume"
  user = aws_iam_user.pe_ref_trust.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "sts:AssumeRole"
      Resource = "arn:aws:iam::*:role/target-admin-trusts-ref"
    }]
  })
}

resource "aws_iam_role" "admin_trusts_ref" {
  name = "target-admin-trusts-ref"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = aws_iam_user.pe_ref_trust.arn }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "admin_trusts_ref" {
  role       = aws_iam_role.admin_trusts_ref.name
  policy_arn = local.administrator_access
}
