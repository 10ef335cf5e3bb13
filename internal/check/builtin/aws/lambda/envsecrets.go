package lambda

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model/aws/lambda"
)

var envSecrets = &check.Check{
	ID:       "AWS-LAMBDA-003",
	Slug:     "aws-lambda-secret-in-environment",
	Title:    "Lambda function has a hard-coded secret in an environment variable",
	Provider: "aws",
	Service:  "lambda",
	Severity: check.Critical,
	Description: "An environment variable of the function holds a value that looks like a credential: an AWS access key, a private key, " +
		"a known token format, or a long random value assigned to a name such as *_SECRET, *_TOKEN or PASSWORD.",
	Rationale: "Environment variables are stored in the function configuration and in the infrastructure code and its state: anyone " +
		"who can read the repository, the Terraform state or call lambda:GetFunctionConfiguration obtains the secret, which cannot be " +
		"rotated without a redeploy. Secrets Manager or SSM Parameter Store keep the value encrypted, access-controlled, audited and rotatable.",
	Remediation: check.Remediation{
		Text: "Store the secret in AWS Secrets Manager (or an SSM SecureString parameter), pass its ARN or name in the environment, " +
			"let the function's role read it, and rotate the exposed value.",
		Terraform: `resource "aws_secretsmanager_secret" "db" {
  name = "prod/db/password"
}

resource "aws_lambda_function" "example" {
  # ...
  environment {
    variables = {
      DB_PASSWORD_SECRET_ARN = aws_secretsmanager_secret.db.arn
    }
  }
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html",
		"https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda.html",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "IA-5"},
		{Framework: check.FrameworkNIST80053, ID: "SC-28"},
		{Framework: check.FrameworkPCIDSS40, ID: "8.3.2"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkISO27001, ID: "A.5.17"},
	},
	Equivalents: check.Equivalents{Checkov: []string{"CKV_AWS_45"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, f := range in.AWS.Lambda.Functions {
			evalEnvSecrets(f, r)
		}
	},
}

func evalEnvSecrets(f *lambda.Function, r *check.Reporter) {
	if !f.Environment.Known() {
		return
	}
	judged := true
	failed := false
	for _, v := range f.Environment.Variables {
		kind, ok := v.Secret.Get()
		switch {
		case !ok:
			judged = false
		case kind != "":
			failed = true
			r.Fail(f.Resource, v.Secret.Origin, "Function %s sets environment variable %s to a hard-coded %s.", f.Name, v.Name, kind)
		}
	}
	if judged && !failed {
		r.Pass(f.Resource)
	}
}
