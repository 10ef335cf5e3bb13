# Techniques that pass an admin role to a service and run code with it. Each
# user may pass the roles named in pass and perform the service actions in
# actions, nothing more. The admin roles and the instance profile are in
# targets.tf.

locals {
  passrole_techniques = {
    # ec2:RunInstances with the existing admin instance profile.
    ec2-run-instances = {
      pass    = ["arn:aws:iam::*:role/target-admin-ec2"]
      actions = ["ec2:RunInstances"]
    }
    # ec2:RequestSpotInstances with the same profile.
    ec2-request-spot-instances = {
      pass    = ["*"]
      actions = ["ec2:RequestSpotInstances"]
    }
    # A new function, invoked directly.
    lambda-invoke = {
      pass    = ["*"]
      actions = ["lambda:CreateFunction", "lambda:InvokeFunction"]
    }
    # A new function, triggered by an event source mapping.
    lambda-event-source-mapping = {
      pass    = ["arn:aws:iam::*:role/target-admin-lambda"]
      actions = ["lambda:CreateFunction", "lambda:CreateEventSourceMapping"]
    }
    # A new function whose resource policy lets anyone invoke it.
    lambda-add-permission = {
      pass    = ["*"]
      actions = ["lambda:CreateFunction", "lambda:AddPermission"]
    }
    # A stack whose template creates what the caller wants, with the role.
    cloudformation-create-stack = {
      pass    = ["*"]
      actions = ["cloudformation:CreateStack", "cloudformation:DescribeStacks"]
    }
    # The same through a change set.
    cloudformation-change-set = {
      pass    = ["*"]
      actions = ["cloudformation:CreateChangeSet", "cloudformation:ExecuteChangeSet"]
    }
    # A Glue development endpoint one can SSH into.
    glue-dev-endpoint = {
      pass    = ["*"]
      actions = ["glue:CreateDevEndpoint", "glue:GetDevEndpoint"]
    }
    # A Glue job with the caller's script.
    glue-job = {
      pass    = ["arn:aws:iam::*:role/target-admin-glue"]
      actions = ["glue:CreateJob", "glue:StartJobRun"]
    }
    # A SageMaker notebook, opened through a presigned URL.
    sagemaker-notebook = {
      pass    = ["*"]
      actions = ["sagemaker:CreateNotebookInstance", "sagemaker:CreatePresignedNotebookInstanceUrl"]
    }
    # A SageMaker training job running the caller's container.
    sagemaker-training-job = {
      pass    = ["*"]
      actions = ["sagemaker:CreateTrainingJob"]
    }
    # A SageMaker processing job running the caller's container.
    sagemaker-processing-job = {
      pass    = ["*"]
      actions = ["sagemaker:CreateProcessingJob"]
    }
    # A CodeBuild project with the caller's buildspec.
    codebuild-project = {
      pass    = ["*"]
      actions = ["codebuild:CreateProject", "codebuild:StartBuild"]
    }
    # An ECS task definition with the admin task role, run once.
    ecs-run-task = {
      pass    = ["*"]
      actions = ["ecs:RegisterTaskDefinition", "ecs:RunTask"]
    }
    # A Data Pipeline whose activity runs the caller's commands.
    datapipeline = {
      pass    = ["*"]
      actions = ["datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition", "datapipeline:ActivatePipeline"]
    }
    # A Step Functions state machine whose tasks call any API.
    step-functions = {
      pass    = ["*"]
      actions = ["states:CreateStateMachine", "states:StartExecution"]
    }
    # An App Runner service running the caller's image.
    apprunner = {
      pass    = ["*"]
      actions = ["apprunner:CreateService"]
    }
    # A Bedrock AgentCore code interpreter running the caller's code.
    agentcore-code-interpreter = {
      pass = ["*"]
      actions = [
        "bedrock-agentcore:CreateCodeInterpreter",
        "bedrock-agentcore:StartCodeInterpreterSession",
        "bedrock-agentcore:InvokeCodeInterpreter",
      ]
    }
    # An EMR cluster whose nodes run the caller's steps with the admin
    # instance profile.
    emr-cluster = {
      pass    = ["*"]
      actions = ["elasticmapreduce:RunJobFlow"]
    }
    # An AWS Batch job definition with the admin job role, submitted.
    batch-job = {
      pass    = ["*"]
      actions = ["batch:RegisterJobDefinition", "batch:SubmitJob"]
    }
    # An Auto Scaling group from a launch configuration with the admin
    # instance profile.
    autoscaling-launch-configuration = {
      pass    = ["*"]
      actions = ["autoscaling:CreateLaunchConfiguration", "autoscaling:CreateAutoScalingGroup"]
    }
    # An Auto Scaling group from a launch template with the admin instance
    # profile.
    autoscaling-launch-template = {
      pass    = ["*"]
      actions = ["ec2:CreateLaunchTemplate", "autoscaling:CreateAutoScalingGroup"]
    }
  }
}

resource "aws_iam_user" "pe_passrole" {
  for_each = local.passrole_techniques

  name = "pe-passrole-${each.key}"
}

data "aws_iam_policy_document" "pe_passrole" {
  for_each = local.passrole_techniques

  statement {
    sid       = "PassRole"
    actions   = ["iam:PassRole"]
    resources = each.value.pass
  }

  statement {
    sid       = "Service"
    actions   = each.value.actions
    resources = ["*"]
  }
}

resource "aws_iam_user_policy" "pe_passrole" {
  for_each = local.passrole_techniques

  name   = "pass-and-run"
  user   = aws_iam_user.pe_passrole[each.key].name
  policy = data.aws_iam_policy_document.pe_passrole[each.key].json
}
