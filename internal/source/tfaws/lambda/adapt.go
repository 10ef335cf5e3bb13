package lambda

import (
	"maps"
	"slices"

	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/lambda"
	"github.com/vigil-sec/vigil/internal/secret"
	kmsadapt "github.com/vigil-sec/vigil/internal/source/tfaws/kms"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the Lambda state from evaluated resources.
func Adapt(set *tfres.Set) lambda.State {
	var st lambda.State
	for _, r := range set.OfType("aws_lambda_function") {
		st.Functions = append(st.Functions, adaptFunction(set, r))
	}
	for _, r := range set.OfType("aws_lambda_permission") {
		b := r.Body
		st.Permissions = append(st.Permissions, &lambda.Permission{
			Resource:            r.Identity(""),
			Function:            b.String("function_name", ""),
			Action:              b.String("action", ""),
			Principal:           b.String("principal", ""),
			SourceARN:           b.String("source_arn", ""),
			SourceAccount:       b.String("source_account", ""),
			PrincipalOrgID:      b.String("principal_org_id", ""),
			FunctionURLAuthType: b.String("function_url_auth_type", ""),
		})
	}
	for _, r := range set.OfType("aws_lambda_function_url") {
		b := r.Body
		st.FunctionURLs = append(st.FunctionURLs, &lambda.FunctionURL{
			Resource:         r.Identity(""),
			Function:         b.String("function_name", ""),
			AuthType:         b.String("authorization_type", ""),
			CORSAllowOrigins: b.Block("cors").StringList("allow_origins"),
		})
	}
	for _, r := range set.OfType("aws_lambda_layer_version") {
		name := r.Body.String("layer_name", "")
		st.Layers = append(st.Layers, &lambda.Layer{
			Resource:           r.Identity(name.Val()),
			LayerName:          name,
			CompatibleRuntimes: r.Body.StringList("compatible_runtimes"),
		})
	}
	return st
}

func adaptFunction(set *tfres.Set, r *tfres.Resource) *lambda.Function {
	b := r.Body
	name := b.String("function_name", "")
	pkg := b.String("package_type", "Zip")
	f := &lambda.Function{
		Resource:             r.Identity(name.Val()),
		FunctionName:         name,
		PackageType:          pkg,
		Runtime:              b.String("runtime", ""),
		RoleARN:              b.String("role", ""),
		RoleID:               linkedID(set, b, "role", "aws_iam_role"),
		TracingMode:          b.Block("tracing_config").String("mode", "PassThrough"),
		Environment:          adaptEnvironment(b.Block("environment")),
		EnvironmentKey:       kmsadapt.KeyRef(set, b, "kms_key_arn"),
		DeadLetterTarget:     b.Block("dead_letter_config").String("target_arn", ""),
		CodeSigningConfigARN: b.String("code_signing_config_arn", ""),
		ReservedConcurrency:  b.Int("reserved_concurrent_executions", -1),
		LayerARNs:            b.StringList("layers"),
	}
	vpc := b.Block("vpc_config")
	f.VPC = lambda.VPCConfig{SubnetIDs: vpc.StringList("subnet_ids"), SecurityGroupIDs: vpc.StringList("security_group_ids")}
	return f
}

// adaptEnvironment classifies each variable's value and keeps only the
// classification.
func adaptEnvironment(env *tfres.Block) lambda.Environment {
	vars := env.StringMap("variables")
	out := lambda.Environment{Meta: vars.Meta}
	for _, name := range slices.Sorted(maps.Keys(vars.Entries)) {
		v := vars.Entries[name]
		out.Variables = append(out.Variables, lambda.EnvVar{
			Name:   name,
			Secret: model.Derive(v, func(s string) string { return secret.Classify(name, s) }),
		})
	}
	return out
}

// linkedID returns the model ID of the resource of type typ an attribute
// reads its ARN from, or "".
func linkedID(set *tfres.Set, b *tfres.Block, name, typ string) string {
	if t, link := set.Resolve(b, name, []string{typ}, "arn"); link == tfres.Linked && t.Mode == tfres.Managed {
		return t.Address
	}
	return ""
}
