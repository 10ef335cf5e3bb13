package ssm

import (
	"regexp"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model/aws/ssm"
)

// secretName matches parameter names that say they hold a secret: a name
// segment (split on '/', '-', '_' and '.') such as "password", "token" or
// "api_key", or a camel-case name ending in one ("dbPassword"). So
// "/app/prod/API_KEY" and "github.token" match; "passwordless-login" and
// "tokenizer" do not.
var secretName = regexp.MustCompile(`(?i)(^|[/_.\-])(pass(word|wd)?|pwd|secret|secret[_.\-]?key|token|api[_.\-]?key|apikey|access[_.\-]?key|private[_.\-]?key|credentials?)([/_.\-]|$)|(password|passwd|secret|token|apikey|privatekey)$`)

var plaintextSecret = &check.Check{
	ID:       "AWS-SSM-001",
	Slug:     "aws-ssm-parameter-secret-not-secure-string",
	Title:    "SSM parameter that holds a secret is not a SecureString",
	Provider: "aws",
	Service:  "ssm",
	Severity: check.High,
	Description: "A String or StringList parameter whose name says it holds a password, secret, token, API key or " +
		"private key has its value set in the configuration.",
	Rationale: "String parameters are stored and returned unencrypted: anyone with ssm:GetParameter (or ssm:DescribeParameters " +
		"plus read access through the console) sees the value, and it is not masked in CloudFormation, console or API " +
		"output. SecureString values are encrypted with KMS and need kms:Decrypt to read.",
	Remediation: check.Remediation{
		Text: "Make the parameter a SecureString (ideally with a customer managed key), and rotate the secret since it has been stored in plain text. Better still, keep the value out of the configuration (Secrets Manager, or a value written by another process with lifecycle ignore_changes).",
		Terraform: `resource "aws_ssm_parameter" "db_password" {
  name   = "/app/prod/db_password"
  type   = "SecureString"
  key_id = aws_kms_key.params.arn
  value  = var.db_password
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/systems-manager/latest/userguide/systems-manager-parameter-store.html#what-is-a-parameter",
		"https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-securestring.html",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SC-28"},
		{Framework: check.FrameworkNIST80053, ID: "IA-5(1)"},
		{Framework: check.FrameworkPCIDSS40, ID: "8.3.2"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkHIPAA, ID: "164.312(a)(2)(iv)"},
		{Framework: check.FrameworkISO27001, ID: "A.8.24"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, p := range in.AWS.SSM.Parameters {
			evalPlaintextSecret(p, r)
		}
	},
}

func evalPlaintextSecret(p *ssm.Parameter, r *check.Reporter) {
	name, ok := p.ParameterName.Get()
	if !ok || !p.Type.Known() || !p.HasValue.Known() {
		return
	}
	if secretName.MatchString(name) && p.HasValue.Is(true) && p.Type.IsOneOf("String", "StringList") {
		// The message names the parameter, never its value.
		r.Fail(p.Resource, p.Type.Origin, "Parameter %s looks like a secret but is stored as a plain %s.", name, p.Type.Val())
		return
	}
	r.Pass(p.Resource)
}

var secureStringCMK = &check.Check{
	ID:          "AWS-SSM-002",
	Slug:        "aws-ssm-secure-string-no-cmk",
	Title:       "SSM SecureString parameter is not encrypted with a customer managed KMS key",
	Provider:    "aws",
	Service:     "ssm",
	Severity:    check.Low,
	Description: "A SecureString parameter has no key_id, or names the AWS managed key aws/ssm.",
	Rationale: "With the AWS managed key, ssm:GetParameter with decryption alone reveals the value, and the key cannot be " +
		"restricted in a key policy or shared across accounts. A customer managed key makes kms:Decrypt a second, " +
		"separately granted permission.",
	Remediation: check.Remediation{
		Text: "Set key_id to a customer managed KMS key whose policy grants kms:Decrypt only to the parameter's readers.",
		Terraform: `resource "aws_ssm_parameter" "example" {
  name   = "/app/prod/api_key"
  type   = "SecureString"
  key_id = aws_kms_key.params.arn
  value  = var.api_key
}`,
	},
	References: []string{"https://docs.aws.amazon.com/kms/latest/developerguide/services-parameter-store.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SC-12"},
		{Framework: check.FrameworkNIST80053, ID: "SC-28"},
		{Framework: check.FrameworkPCIDSS40, ID: "3.5.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkISO27001, ID: "A.8.24"},
	},
	Equivalents: check.Equivalents{Checkov: []string{"CKV_AWS_337"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, p := range in.AWS.SSM.Parameters {
			if !p.Type.Is("SecureString") {
				continue
			}
			switch v := p.KMSKey.CustomerManaged; {
			case v.Is(false):
				r.Fail(p.Resource, p.KMSKey.ID.Origin, "Parameter %s is encrypted with the AWS managed key rather than a customer managed key.", p.Name)
			case v.Known():
				r.Pass(p.Resource)
			}
		}
	},
}
