package lambda

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/kms"
)

// State holds the Lambda resources of an estate.
type State struct {
	Functions []*Function
	// Permissions are the statements of functions' resource-based policies,
	// one per grant, whether or not the function they name is in the estate.
	Permissions  []*Permission
	FunctionURLs []*FunctionURL
	Layers       []*Layer
}

// Function is a Lambda function.
type Function struct {
	model.Resource
	FunctionName model.String
	// PackageType is "Zip" or "Image"; image functions have no Runtime.
	PackageType model.String
	// Runtime is the runtime identifier, e.g. "python3.12".
	Runtime model.String
	RoleARN model.String
	// RoleID is the model ID of the execution role when the source defines
	// it (its ARN is then known only at apply time), else "".
	RoleID string
	// TracingMode is the X-Ray tracing mode: "Active" or "PassThrough".
	TracingMode model.String
	Environment Environment
	// EnvironmentKey encrypts the environment variables; its ID is "" for
	// the AWS managed key aws/lambda.
	EnvironmentKey kms.KeyRef
	VPC            VPCConfig
	// DeadLetterTarget is the SQS queue or SNS topic ARN for failed
	// asynchronous invocations; empty when none.
	DeadLetterTarget     model.String
	CodeSigningConfigARN model.String
	ReservedConcurrency  model.Int // -1 means unreserved
	LayerARNs            model.List[string]
}

// Environment is a function's environment variables.
type Environment struct {
	// Variables is known when the set of names is; each value is classified,
	// never kept.
	Variables []EnvVar
	model.Meta
}

// EnvVar is one environment variable. Its value is never kept: only whether
// it looks like a credential.
type EnvVar struct {
	Name string
	// Secret names the kind of credential the value looks like (see package
	// secret), "" when it looks like none; unknown when the value is.
	Secret model.String
}

// VPCConfig places a function in a VPC.
type VPCConfig struct {
	SubnetIDs        model.List[string]
	SecurityGroupIDs model.List[string]
}

// Permission is one grant in a function's resource-based policy.
type Permission struct {
	model.Resource
	// Function is the function name, ARN or partial ARN the grant is on.
	Function model.String
	// Action is the action allowed, e.g. "lambda:InvokeFunction".
	Action model.String
	// Principal is a service ("s3.amazonaws.com"), an account ID or ARN, or
	// "*" for anyone.
	Principal model.String
	// SourceARN, SourceAccount and PrincipalOrgID restrict the grant; empty
	// when not set.
	SourceARN      model.String
	SourceAccount  model.String
	PrincipalOrgID model.String
	// FunctionURLAuthType restricts lambda:InvokeFunctionUrl grants: "NONE"
	// or "AWS_IAM"; empty when not set.
	FunctionURLAuthType model.String
}

// FunctionURL is a dedicated HTTPS endpoint of a function.
type FunctionURL struct {
	model.Resource
	Function model.String
	// AuthType is "NONE" (public) or "AWS_IAM".
	AuthType model.String
	// CORSAllowOrigins lists allowed origins; empty when CORS is not
	// configured.
	CORSAllowOrigins model.List[string]
}

// Layer is a Lambda layer version.
type Layer struct {
	model.Resource
	LayerName          model.String
	CompatibleRuntimes model.List[string]
}
