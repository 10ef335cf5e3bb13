package lambda

import (
	"strings"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model/aws/lambda"
)

var publicURL = &check.Check{
	ID:          "AWS-LAMBDA-004",
	Slug:        "aws-lambda-function-url-no-auth",
	Title:       "Lambda function URL does not require authentication",
	Provider:    "aws",
	Service:     "lambda",
	Severity:    check.High,
	Description: "The function URL's authorization type is NONE: anyone on the internet who knows the URL can invoke the function.",
	Rationale: "An unauthenticated function URL exposes the function's code path, its role's permissions and its cost to the whole internet. " +
		"Unless the function implements its own authentication, attackers can invoke it at will, abuse its privileges or run up charges.",
	Remediation: check.Remediation{
		Text: "Set the URL's authorization type to AWS_IAM and grant lambda:InvokeFunctionUrl to the callers, or front the function with API Gateway or CloudFront with an authorizer.",
		Terraform: `resource "aws_lambda_function_url" "example" {
  function_name      = aws_lambda_function.example.function_name
  authorization_type = "AWS_IAM"
}`,
	},
	References: []string{"https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "AC-3"},
		{Framework: check.FrameworkNIST80053, ID: "IA-2"},
		{Framework: check.FrameworkPCIDSS40, ID: "7.2.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkISO27001, ID: "A.8.5"},
	},
	Equivalents: check.Equivalents{Checkov: []string{"CKV_AWS_258"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, u := range in.AWS.Lambda.FunctionURLs {
			switch a := u.AuthType; {
			case a.Is("NONE"):
				r.Fail(u.Resource, a.Origin, "Function URL %s of function %s does not require authentication.", u.Name, u.Function.Val())
			case a.Known():
				r.Pass(u.Resource)
			}
		}
	},
}

var servicePermission = &check.Check{
	ID:       "AWS-LAMBDA-005",
	Slug:     "aws-lambda-service-permission-unrestricted",
	Title:    "Lambda permission for an AWS service is not restricted to a source",
	Provider: "aws",
	Service:  "lambda",
	Severity: check.Medium,
	Description: "The permission lets an AWS service principal (s3.amazonaws.com, sns.amazonaws.com, ...) invoke the function " +
		"without source_arn or source_account, so the service may invoke it on behalf of any resource in any account.",
	Rationale: "Without a source condition, another AWS customer can point their own bucket, topic or rule at the function and have " +
		"the service invoke it for them (the confused deputy problem), injecting events the function trusts.",
	Remediation: check.Remediation{
		Text: "Set source_arn to the resource that should invoke the function, and source_account to its account when the ARN does not include one (S3 buckets).",
		Terraform: `resource "aws_lambda_permission" "example" {
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.example.function_name
  principal      = "s3.amazonaws.com"
  source_arn     = aws_s3_bucket.uploads.arn
  source_account = data.aws_caller_identity.current.account_id
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-services.html",
		"https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "AC-3"},
		{Framework: check.FrameworkNIST80053, ID: "AC-6"},
		{Framework: check.FrameworkPCIDSS40, ID: "7.2.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkISO27001, ID: "A.8.3"},
	},
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0067"},
		Tfsec:   []string{"aws-lambda-restrict-source-arn"},
		Checkov: []string{"CKV_AWS_364"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, p := range in.AWS.Lambda.Permissions {
			evalServicePermission(p, r)
		}
	},
}

func evalServicePermission(p *lambda.Permission, r *check.Reporter) {
	principal, ok := p.Principal.Get()
	if !ok || !isServicePrincipal(principal) {
		return
	}
	switch {
	case p.SourceARN.IsNot("") || p.SourceAccount.IsNot(""):
		r.Pass(p.Resource)
	case p.SourceARN.Is("") && p.SourceAccount.Is(""):
		r.Fail(p.Resource, p.SourceARN.Origin, "Permission %s lets %s invoke function %s from any source.", p.Name, principal, p.Function.Val())
	}
}

// isServicePrincipal reports whether principal names an AWS service, such as
// "s3.amazonaws.com" or "logs.eu-west-1.amazonaws.com".
func isServicePrincipal(principal string) bool {
	return strings.HasSuffix(principal, ".amazonaws.com") || strings.HasSuffix(principal, ".amazonaws.com.cn")
}

var publicPermission = &check.Check{
	ID:       "AWS-LAMBDA-006",
	Slug:     "aws-lambda-permission-public",
	Title:    "Lambda permission grants access to everyone",
	Provider: "aws",
	Service:  "lambda",
	Severity: check.Critical,
	Description: "The permission's principal is \"*\" with no source_arn, source_account or principal_org_id, so any AWS account " +
		"(or, for an unauthenticated function URL, anyone) may perform the action on the function.",
	Rationale: "A public resource-based policy lets strangers invoke the function with its role's privileges, read its events' effects and " +
		"drive up costs; depending on the action, it may even let them change the function's code or configuration.",
	Remediation: check.Remediation{
		Text: "Grant the permission to the specific account, role or service that needs it, or restrict it with source_account, source_arn or principal_org_id.",
		Terraform: `resource "aws_lambda_permission" "example" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.example.function_name
  principal     = "111122223333"
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html",
		"https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html#lambda-1",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "AC-3"},
		{Framework: check.FrameworkNIST80053, ID: "AC-21"},
		{Framework: check.FrameworkPCIDSS40, ID: "7.2.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.6"},
		{Framework: check.FrameworkISO27001, ID: "A.8.3"},
	},
	Equivalents: check.Equivalents{Checkov: []string{"CKV_AWS_301"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, p := range in.AWS.Lambda.Permissions {
			evalPublicPermission(p, r)
		}
	},
}

func evalPublicPermission(p *lambda.Permission, r *check.Reporter) {
	switch {
	case !p.Principal.Known():
	case p.Principal.IsNot("*"):
		r.Pass(p.Resource)
	case p.SourceARN.IsNot("") || p.SourceAccount.IsNot("") || p.PrincipalOrgID.IsNot(""):
		r.Pass(p.Resource)
	case p.SourceARN.Is("") && p.SourceAccount.Is("") && p.PrincipalOrgID.Is(""):
		r.Fail(p.Resource, p.Principal.Origin, "Permission %s lets anyone perform %s on function %s.", p.Name, p.Action.Val(), p.Function.Val())
	}
}
