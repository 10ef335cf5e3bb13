package apigateway

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// State holds the API Gateway resources of an estate: REST APIs (v1) and
// HTTP and WebSocket APIs (v2).
type State struct {
	RestAPIs []*RestAPI
	Stages   []*Stage
	Methods  []*Method
	// MethodSettings are per-stage method settings, whether or not their
	// stage is in the estate.
	MethodSettings []*MethodSettings
	DomainNames    []*DomainName

	APIs   []*API
	Routes []*Route
}

// RestAPI is a REST API (v1).
type RestAPI struct {
	model.Resource
	APIName model.String
	// EndpointTypes are "EDGE", "REGIONAL" or "PRIVATE".
	EndpointTypes model.List[string]
	Policy        iam.Document
}

// Stage is a deployed stage of a REST API (v1) or an HTTP or WebSocket API
// (v2); Version tells which.
type Stage struct {
	model.Resource
	Version   int // 1 or 2
	StageName model.String
	// AccessLogDestination is the CloudWatch Logs group or Firehose ARN
	// access logs go to; empty when access logging is off.
	AccessLogDestination model.String
	// XRayTracing applies to REST API stages only.
	XRayTracing model.Bool
	// CacheClusterEnabled applies to REST API stages only.
	CacheClusterEnabled model.Bool
	// LoggingLevel is the default execution logging level of a WebSocket
	// stage: "OFF", "ERROR" or "INFO".
	LoggingLevel model.String
}

// Method is a REST API method.
type Method struct {
	model.Resource
	HTTPMethod model.String
	// Authorization is "NONE", "AWS_IAM", "CUSTOM" or "COGNITO_USER_POOLS".
	Authorization  model.String
	APIKeyRequired model.Bool
}

// MethodSettings are the settings of one method path ("*/*" for all) of a
// REST API stage.
type MethodSettings struct {
	model.Resource
	StageName  model.String
	MethodPath model.String
	// LoggingLevel is "OFF", "ERROR" or "INFO".
	LoggingLevel       model.String
	DataTraceEnabled   model.Bool
	MetricsEnabled     model.Bool
	CachingEnabled     model.Bool
	CacheDataEncrypted model.Bool
}

// DomainName is a custom domain name of a REST API.
type DomainName struct {
	model.Resource
	Domain model.String
	// SecurityPolicy is "TLS_1_0", "TLS_1_2" or an enhanced policy name
	// such as "SecurityPolicy_TLS13_1_3_2025_09".
	SecurityPolicy model.String
}

// API is an HTTP or WebSocket API (v2).
type API struct {
	model.Resource
	APIName model.String
	// ProtocolType is "HTTP" or "WEBSOCKET".
	ProtocolType model.String
}

// Route is an HTTP or WebSocket API route.
type Route struct {
	model.Resource
	// RouteKey is e.g. "GET /items", "$default" or "$connect".
	RouteKey model.String
	// AuthorizationType is "NONE", "AWS_IAM", "CUSTOM" or "JWT".
	AuthorizationType model.String
	// ProtocolType is the protocol of the route's API; unknown when the API
	// could not be resolved.
	ProtocolType model.String
}
