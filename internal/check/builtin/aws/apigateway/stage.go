package apigateway

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
	"github.com/vigil-sec/vigil/internal/model/aws/apigateway"
)

// stageKind names a stage's API kind in messages.
func stageKind(s *apigateway.Stage) string {
	if s.Version == 1 {
		return "REST API"
	}
	return "HTTP/WebSocket API"
}

var accessLogging = &check.Check{
	ID:          "AWS-APIGATEWAY-001",
	Slug:        "aws-apigateway-stage-access-logging-disabled",
	Title:       "API Gateway stage does not log access",
	Provider:    "aws",
	Service:     "apigateway",
	Severity:    check.Medium,
	Description: "The stage of a REST, HTTP or WebSocket API has no access log settings, so requests to it are not recorded.",
	Rationale: "Access logs record who called which route, from where, and with what result; they are the primary evidence for " +
		"detecting abuse of an API and investigating a breach through it.",
	Remediation: check.Remediation{
		Text: "Configure access logging on the stage to a CloudWatch Logs group (or Firehose stream) with a format that includes the caller, request and status.",
		Terraform: `resource "aws_api_gateway_stage" "example" {
  # ...
  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format = jsonencode({
      requestId = "$context.requestId"
      ip        = "$context.identity.sourceIp"
      method    = "$context.httpMethod"
      path      = "$context.resourcePath"
      status    = "$context.status"
    })
  }
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html",
		"https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging.html",
	},
	Compliance: control.AuditLogging(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0001"},
		Tfsec:   []string{"aws-api-gateway-enable-access-logging"},
		Checkov: []string{"CKV_AWS_76"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, s := range in.AWS.APIGateway.Stages {
			switch d := s.AccessLogDestination; {
			case d.Is(""):
				r.Fail(s.Resource, d.Origin, "%s stage %s does not log access.", stageKind(s), s.Name)
			case d.Known():
				r.Pass(s.Resource)
			}
		}
	},
}

var tracing = &check.Check{
	ID:          "AWS-APIGATEWAY-002",
	Slug:        "aws-apigateway-stage-xray-disabled",
	Title:       "API Gateway REST API stage does not have X-Ray tracing enabled",
	Provider:    "aws",
	Service:     "apigateway",
	Severity:    check.Low,
	Description: "The REST API stage does not send traces to AWS X-Ray. (HTTP and WebSocket APIs do not support X-Ray.)",
	Rationale: "X-Ray traces follow each request from the API through its integrations, which helps to spot unusual call patterns and " +
		"to reconstruct what a malicious request did downstream.",
	Remediation: check.Remediation{
		Text: "Enable X-Ray tracing on the stage.",
		Terraform: `resource "aws_api_gateway_stage" "example" {
  # ...
  xray_tracing_enabled = true
}`,
	},
	References: []string{"https://docs.aws.amazon.com/xray/latest/devguide/xray-services-apigateway.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "AU-12"},
		{Framework: check.FrameworkNIST80053, ID: "SI-4"},
		{Framework: check.FrameworkSOC2, ID: "CC7.2"},
		{Framework: check.FrameworkISO27001, ID: "A.8.16"},
	},
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0003"},
		Tfsec:   []string{"aws-api-gateway-enable-tracing"},
		Checkov: []string{"CKV_AWS_73"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, s := range in.AWS.APIGateway.Stages {
			if s.Version != 1 {
				continue
			}
			r.Judge(s.Resource, s.XRayTracing, false, "REST API stage %s does not have X-Ray tracing enabled.", s.Name)
		}
	},
}

var cacheEncryption = &check.Check{
	ID:       "AWS-APIGATEWAY-003",
	Slug:     "aws-apigateway-cache-not-encrypted",
	Title:    "API Gateway method settings cache responses unencrypted",
	Provider: "aws",
	Service:  "apigateway",
	Severity: check.Medium,
	Description: "Method settings of a REST API stage enable response caching without cache_data_encrypted, so cached responses " +
		"are stored unencrypted in the stage's cache cluster.",
	Rationale: "Cached responses can hold personal or otherwise sensitive data returned by the API; encrypting the cache protects them " +
		"at rest like the rest of the data path.",
	Remediation: check.Remediation{
		Text: "Set cache_data_encrypted to true wherever caching_enabled is true.",
		Terraform: `resource "aws_api_gateway_method_settings" "example" {
  rest_api_id = aws_api_gateway_rest_api.example.id
  stage_name  = aws_api_gateway_stage.example.stage_name
  method_path = "*/*"
  settings {
    caching_enabled      = true
    cache_data_encrypted = true
  }
}`,
	},
	References: []string{"https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html"},
	Compliance: control.EncryptionAtRest(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0002"},
		Tfsec:   []string{"aws-api-gateway-enable-cache-encryption"},
		Checkov: []string{"CKV_AWS_308"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, ms := range in.AWS.APIGateway.MethodSettings {
			switch {
			case ms.CachingEnabled.Is(false):
				r.Pass(ms.Resource)
			case !ms.CachingEnabled.Known():
			case ms.CacheDataEncrypted.Is(false):
				r.Fail(ms.Resource, ms.CacheDataEncrypted.Origin, "Method settings %s cache responses of %s unencrypted.", ms.Name, ms.MethodPath.Val())
			case ms.CacheDataEncrypted.Known():
				r.Pass(ms.Resource)
			}
		}
	},
}
