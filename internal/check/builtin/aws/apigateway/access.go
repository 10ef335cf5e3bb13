package apigateway

import (
	"strings"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model/aws/apigateway"
)

var noAuthorization = &check.Check{
	ID:       "AWS-APIGATEWAY-004",
	Slug:     "aws-apigateway-method-no-authorization",
	Title:    "API Gateway method or route does not require authorization",
	Provider: "aws",
	Service:  "apigateway",
	Severity: check.Medium,
	Description: "A REST API method has authorization NONE without requiring an API key, or an HTTP API route (or a WebSocket " +
		"$connect route) has authorization type NONE, so anyone who can reach the API can call it. OPTIONS methods, used for CORS " +
		"preflight, are not judged.",
	Rationale: "Unauthenticated endpoints let anyone invoke the backend integration: read data, trigger actions and consume capacity. " +
		"Unless the endpoint is meant to be public, require IAM, a Cognito or JWT authorizer, or a Lambda authorizer.",
	Remediation: check.Remediation{
		Text: "Attach an authorizer (AWS_IAM, COGNITO_USER_POOLS, CUSTOM, or JWT for HTTP APIs) to the method or route.",
		Terraform: `resource "aws_api_gateway_method" "example" {
  rest_api_id   = aws_api_gateway_rest_api.example.id
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = "GET"
  authorization = "COGNITO_USER_POOLS"
  authorizer_id = aws_api_gateway_authorizer.users.id
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html",
		"https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-access-control.html",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "AC-3"},
		{Framework: check.FrameworkNIST80053, ID: "IA-2"},
		{Framework: check.FrameworkPCIDSS40, ID: "7.2.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkISO27001, ID: "A.8.5"},
	},
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0004"},
		Tfsec:   []string{"aws-api-gateway-no-public-access"},
		Checkov: []string{"CKV_AWS_59", "CKV_AWS_309"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, m := range in.AWS.APIGateway.Methods {
			evalMethod(m, r)
		}
		for _, rt := range in.AWS.APIGateway.Routes {
			evalRoute(rt, r)
		}
	},
}

func evalMethod(m *apigateway.Method, r *check.Reporter) {
	switch {
	case !m.HTTPMethod.Known() || m.HTTPMethod.Is("OPTIONS"):
	case m.Authorization.IsNot("NONE") || m.APIKeyRequired.Is(true):
		r.Pass(m.Resource)
	case m.Authorization.Is("NONE") && m.APIKeyRequired.Is(false):
		r.Fail(m.Resource, m.Authorization.Origin, "Method %s %s does not require authorization.", m.HTTPMethod.Val(), m.Name)
	}
}

// evalRoute judges HTTP API routes, and the $connect route of WebSocket APIs,
// the only one that takes an authorizer there. A route whose API could not be
// resolved is judged only when its key is an HTTP "METHOD /path" key.
func evalRoute(rt *apigateway.Route, r *check.Reporter) {
	key, ok := rt.RouteKey.Get()
	if !ok || strings.HasPrefix(key, "OPTIONS ") {
		return
	}
	switch proto, known := rt.ProtocolType.Get(); {
	case known && proto == "WEBSOCKET" && key != "$connect":
		return
	case !known && strings.HasPrefix(key, "$"):
		return
	}
	switch a := rt.AuthorizationType; {
	case a.Is("NONE"):
		r.Fail(rt.Resource, a.Origin, "Route %s (%s) does not require authorization.", rt.Name, key)
	case a.Known():
		r.Pass(rt.Resource)
	}
}

var domainTLS = &check.Check{
	ID:       "AWS-APIGATEWAY-005",
	Slug:     "aws-apigateway-domain-tls-1-0",
	Title:    "API Gateway custom domain accepts TLS 1.0",
	Provider: "aws",
	Service:  "apigateway",
	Severity: check.Medium,
	Description: "The REST API custom domain name uses the TLS_1_0 security policy (the default when security_policy is not set), " +
		"which accepts TLS 1.0 and 1.1 and weak ciphers.",
	Rationale: "TLS 1.0 and 1.1 are deprecated (RFC 8996) and disallowed by PCI DSS; allowing them lets a client, or an attacker " +
		"forcing a downgrade, use protocols with known weaknesses.",
	Remediation: check.Remediation{
		Text: "Set the domain name's security policy to TLS_1_2 or an enhanced SecurityPolicy_TLS13_* policy.",
		Terraform: `resource "aws_api_gateway_domain_name" "example" {
  domain_name              = "api.example.com"
  regional_certificate_arn = aws_acm_certificate.api.arn
  security_policy          = "TLS_1_2"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}`,
	},
	References: []string{"https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-custom-domain-tls-version.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SC-8"},
		{Framework: check.FrameworkNIST80053, ID: "SC-13"},
		{Framework: check.FrameworkPCIDSS40, ID: "4.2.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.7"},
		{Framework: check.FrameworkHIPAA, ID: "164.312(e)(1)"},
		{Framework: check.FrameworkISO27001, ID: "A.8.24"},
	},
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0005"},
		Tfsec:   []string{"aws-api-gateway-use-secure-tls-policy"},
		Checkov: []string{"CKV_AWS_206"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, d := range in.AWS.APIGateway.DomainNames {
			switch p := d.SecurityPolicy; {
			case p.Is("TLS_1_0"):
				r.Fail(d.Resource, p.Origin, "Custom domain %s accepts TLS 1.0.", d.Name)
			case p.Known():
				r.Pass(d.Resource)
			}
		}
	},
}
