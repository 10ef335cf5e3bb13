package lambda

import "github.com/vigil-sec/vigil/internal/check"

var tracing = &check.Check{
	ID:          "AWS-LAMBDA-002",
	Slug:        "aws-lambda-tracing-not-active",
	Title:       "Lambda function does not have active X-Ray tracing",
	Provider:    "aws",
	Service:     "lambda",
	Severity:    check.Low,
	Description: "The function's tracing mode is PassThrough, so Lambda only traces requests that arrive already sampled by an upstream service.",
	Rationale:   "Active tracing records every sampled invocation with its downstream calls, which is what investigators use to follow a suspicious request through a serverless application and to spot unexpected calls made by compromised code.",
	Remediation: check.Remediation{
		Text: "Set the function's tracing mode to Active and allow the role to write to X-Ray (AWSXRayDaemonWriteAccess).",
		Terraform: `resource "aws_lambda_function" "example" {
  # ...
  tracing_config {
    mode = "Active"
  }
}`,
	},
	References: []string{"https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "AU-12"},
		{Framework: check.FrameworkNIST80053, ID: "SI-4"},
		{Framework: check.FrameworkSOC2, ID: "CC7.2"},
		{Framework: check.FrameworkISO27001, ID: "A.8.16"},
	},
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0066"},
		Tfsec:   []string{"aws-lambda-enable-tracing"},
		Checkov: []string{"CKV_AWS_50"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, f := range in.AWS.Lambda.Functions {
			switch m := f.TracingMode; {
			case m.IsNot("Active"):
				r.Fail(f.Resource, m.Origin, "Function %s does not have active X-Ray tracing.", f.Name)
			case m.Known():
				r.Pass(f.Resource)
			}
		}
	},
}
