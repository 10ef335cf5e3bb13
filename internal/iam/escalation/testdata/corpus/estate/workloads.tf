# Techniques that take over an existing workload running with an admin role:
# the instance aws_instance.admin_box and the function aws_lambda_function.admin_fn
# (targets.tf). None of these needs iam:PassRole.

locals {
  workload_techniques = {
    # Replace the admin function's code.
    lambda-update-code = ["lambda:UpdateFunctionCode"]
    # Add a layer of the caller's to the admin function: the layer's code
    # runs in it.
    lambda-update-configuration = ["lambda:UpdateFunctionConfiguration"]
    # Run a command on the admin instance.
    ssm-send-command = ["ssm:SendCommand"]
    # Open a shell on the admin instance.
    ssm-start-session = ["ssm:StartSession"]
    # Associate a document that runs commands on the admin instance.
    ssm-create-association = ["ssm:CreateAssociation"]
    # Push an SSH key and log in to the admin instance.
    ec2-instance-connect = ["ec2-instance-connect:SendSSHPublicKey"]
    # Rewrite the admin instance's user data and restart it.
    ec2-user-data = ["ec2:ModifyInstanceAttribute", "ec2:StopInstances", "ec2:StartInstances"]
  }
}

resource "aws_iam_user" "pe_workload" {
  for_each = local.workload_techniques

  name = "pe-workload-${each.key}"
}

resource "aws_iam_user_policy" "pe_workload" {
  for_each = local.workload_techniques

  name = "operate"
  user = aws_iam_user.pe_workload[each.key].name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = each.value
      Resource = "*"
    }]
  })
}
