package iamgen

import "fmt"

// forceMFA is the classic "deny everything but MFA setup without MFA".
const forceMFA = `{"Sid":"DenyWithoutMFA","Effect":"Deny","NotAction":["iam:CreateVirtualMFADevice","iam:EnableMFADevice","iam:GetUser","iam:ListMFADevices","iam:ListVirtualMFADevices","iam:ResyncMFADevice","sts:GetSessionToken"],"Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}`

// selfCredentials lets users manage their own keys and password.
func selfCredentials(acct string) string {
	return `{"Sid":"OwnCredentials","Effect":"Allow","Action":["iam:ChangePassword","iam:CreateAccessKey","iam:DeleteAccessKey","iam:GetUser","iam:ListAccessKeys","iam:UpdateAccessKey"],"Resource":"arn:aws:iam::` + acct + `:user/${aws:username}"}`
}

// trustService is a role trust policy for a service, with the confused
// deputy guard sometimes.
func trustService(service, acct string, guarded bool) string {
	if guarded {
		return `{"Effect":"Allow","Principal":{"Service":"` + service + `"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"` + acct + `"}}}`
	}
	return `{"Effect":"Allow","Principal":{"Service":"` + service + `"},"Action":"sts:AssumeRole"}`
}

// trustAccount is a role trust policy for the principals of an account,
// requiring MFA or the organization.
func trustAccount(acct string, mfa bool) string {
	cond := `{"StringEquals":{"aws:PrincipalOrgID":"o-vigilgen01"}}`
	if mfa {
		cond = `{"Bool":{"aws:MultiFactorAuthPresent":"true"}}`
	}
	return `{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::` + acct + `:root"},"Action":"sts:AssumeRole","Condition":` + cond + `}`
}

// deployStatements let a CI role deploy one service's functions, passing
// only the service's roles to Lambda.
func deployStatements(acct string, n int, region string) []string {
	return []string{
		fmt.Sprintf(`{"Effect":"Allow","Action":["lambda:CreateFunction","lambda:UpdateFunctionCode","lambda:UpdateFunctionConfiguration","lambda:GetFunction","lambda:PublishVersion"],"Resource":"arn:aws:lambda:%s:%s:function:svc-%d-*"}`, region, acct, n),
		fmt.Sprintf(`{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::%s:role/svc-%d-*","Condition":{"StringEquals":{"iam:PassedToService":"lambda.amazonaws.com"}}}`, acct, n),
		fmt.Sprintf(`{"Effect":"Allow","Action":["cloudformation:CreateChangeSet","cloudformation:ExecuteChangeSet","cloudformation:DescribeStacks"],"Resource":"arn:aws:cloudformation:%s:%s:stack/svc-%d-*/*"}`, region, acct, n),
		`{"Effect":"Allow","Action":["s3:PutObject","s3:GetObject"],"Resource":"arn:aws:s3:::deploy-artifacts-` + acct + `/*"}`,
	}
}

// statement returns one identity policy statement drawn from what real
// policies hold: narrow grants on named resources, wildcards, conditions,
// Deny statements, and rarely a grant that lets its holder escalate.
// human picks from what people's policies hold.
func (g *gen) statement(acct string, human bool) string {
	n := g.r.IntN(5000)
	region := g.regions[n%len(g.regions)]
	x := g.r.IntN(1000)
	if !human {
		x = x % 900 // no NotAction grants or people's tag conditions
	}
	switch {
	case x < 150:
		return fmt.Sprintf(`{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::data-%d","arn:aws:s3:::data-%d/*"]}`, n, n)
	case x < 230:
		return fmt.Sprintf(`{"Effect":"Allow","Action":["s3:PutObject","s3:DeleteObject"],"Resource":"arn:aws:s3:::data-%d/uploads/*"}`, n)
	case x < 330:
		return fmt.Sprintf(`{"Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:PutItem","dynamodb:Query","dynamodb:UpdateItem","dynamodb:BatchWriteItem"],"Resource":["arn:aws:dynamodb:%s:%s:table/t-%d","arn:aws:dynamodb:%s:%s:table/t-%d/index/*"]}`, region, acct, n, region, acct, n)
	case x < 400:
		return `{"Effect":"Allow","Action":["ec2:Describe*","cloudwatch:Get*","cloudwatch:List*","cloudwatch:Describe*"],"Resource":"*"}`
	case x < 470:
		return fmt.Sprintf(`{"Effect":"Allow","Action":["logs:CreateLogGroup","logs:CreateLogStream","logs:PutLogEvents"],"Resource":"arn:aws:logs:%s:%s:log-group:/aws/lambda/svc-%d*"}`, region, acct, n)
	case x < 530:
		return fmt.Sprintf(`{"Effect":"Allow","Action":["sqs:SendMessage","sqs:ReceiveMessage","sqs:DeleteMessage","sqs:GetQueueAttributes"],"Resource":"arn:aws:sqs:%s:%s:queue-%d"}`, region, acct, n)
	case x < 580:
		return fmt.Sprintf(`{"Effect":"Allow","Action":["kms:Decrypt","kms:GenerateDataKey"],"Resource":"arn:aws:kms:%s:%s:key/%08x-0000-4000-8000-000000000000","Condition":{"StringEquals":{"kms:ViaService":"s3.%s.amazonaws.com"}}}`, region, acct, n, region)
	case x < 630:
		return fmt.Sprintf(`{"Effect":"Allow","Action":["ssm:GetParameter","ssm:GetParameters","ssm:GetParametersByPath"],"Resource":"arn:aws:ssm:%s:%s:parameter/app/svc-%d/*"}`, region, acct, n)
	case x < 680:
		return fmt.Sprintf(`{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"arn:aws:secretsmanager:%s:%s:secret:svc-%d/*"}`, region, acct, n)
	case x < 720:
		return `{"Effect":"Deny","Action":["s3:DeleteBucket","dynamodb:DeleteTable","rds:DeleteDBInstance","kms:ScheduleKeyDeletion"],"Resource":"*"}`
	case x < 760:
		return fmt.Sprintf(`{"Effect":"Allow","Action":["lambda:UpdateFunctionCode","lambda:GetFunction","lambda:InvokeFunction"],"Resource":"arn:aws:lambda:%s:%s:function:svc-%d-*"}`, region, acct, n)
	case x < 790:
		return fmt.Sprintf(`{"Effect":"Allow","Action":["codebuild:StartBuild","codebuild:BatchGetBuilds"],"Resource":"arn:aws:codebuild:%s:%s:project/svc-%d*"}`, region, acct, n)
	case x < 820:
		return fmt.Sprintf(`{"Effect":"Allow","Action":["glue:StartJobRun","glue:GetJobRun","glue:GetJobRuns"],"Resource":"arn:aws:glue:%s:%s:job/etl-%d"}`, region, acct, n)
	case x < 850:
		return fmt.Sprintf(`{"Effect":"Allow","Action":"s3:*","Resource":["arn:aws:s3:::logs-%d","arn:aws:s3:::logs-%d/*"],"Condition":{"StringEquals":{"aws:RequestedRegion":"%s"}}}`, n, n, region)
	case x < 870:
		return `{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::*:role/human-*"}`
	case x < 880:
		return fmt.Sprintf(`{"Effect":"Allow","Action":["ecs:UpdateService","ecs:DescribeServices","ecs:RegisterTaskDefinition","ecs:DescribeTaskDefinition"],"Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/service":"svc-%d"}}}`, n)
	case x < 884:
		// Help desk: resets anyone's console password.
		return `{"Effect":"Allow","Action":["iam:CreateLoginProfile","iam:UpdateLoginProfile"],"Resource":"arn:aws:iam::` + acct + `:user/*"}`
	case x < 887:
		// Key rotation tooling: keys for any user.
		return `{"Effect":"Allow","Action":["iam:CreateAccessKey","iam:ListAccessKeys"],"Resource":"arn:aws:iam::*:user/*"}`
	case x < 890:
		return `{"Effect":"Allow","Action":["ssm:SendCommand","ssm:StartSession"],"Resource":"*"}`
	case x < 892:
		return fmt.Sprintf(`{"Effect":"Allow","Action":"iam:UpdateAssumeRolePolicy","Resource":"arn:aws:iam::%s:role/svc-*"}`, acct)
	case x < 894:
		return fmt.Sprintf(`{"Effect":"Allow","Action":["iam:PutUserPolicy","iam:AttachUserPolicy"],"Resource":"arn:aws:iam::%s:user/${aws:username}","Condition":{"ArnEquals":{"iam:PolicyARN":"arn:aws:iam::aws:policy/ReadOnlyAccess"}}}`, acct)
	case x < 897:
		return `{"Effect":"Allow","Action":["iam:PassRole","ec2:RunInstances","ec2:Describe*"],"Resource":"*"}`
	case x < 900:
		return fmt.Sprintf(`{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::%s:role/*","Condition":{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}}`, acct)
	case x < 960:
		return `{"Effect":"Allow","Action":["ec2:StartInstances","ec2:StopInstances","ec2:RebootInstances"],"Resource":"arn:aws:ec2:*:` + acct + `:instance/*","Condition":{"StringEquals":{"ec2:ResourceTag/team":"${aws:PrincipalTag/team}"}}}`
	case x < 990:
		return `{"Effect":"Allow","Action":["s3:*","dynamodb:*"],"Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"data-platform"}}}`
	default:
		return `{"Effect":"Allow","NotAction":["iam:*","organizations:*","account:*"],"Resource":"*"}`
	}
}
