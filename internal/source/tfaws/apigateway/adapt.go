package apigateway

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/apigateway"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
	iamadapt "github.com/vigil-sec/vigil/internal/source/tfaws/iam"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

var (
	restAPITypes = []string{"aws_api_gateway_rest_api"}
	apiTypes     = []string{"aws_apigatewayv2_api"}
)

// Adapt builds the API Gateway state from evaluated resources.
func Adapt(set *tfres.Set) apigateway.State {
	policies := set.Attach("aws_api_gateway_rest_api_policy", "rest_api_id", restAPITypes, "id")
	var st apigateway.State
	for _, r := range set.OfType("aws_api_gateway_rest_api") {
		b := r.Body
		name := b.String("name", "")
		types := b.Block("endpoint_configuration").StringList("types")
		if types.Certainty == model.Defaulted {
			types.Items = []model.Value[string]{model.Default("EDGE", types.Origin)}
		}
		st.RestAPIs = append(st.RestAPIs, &apigateway.RestAPI{
			Resource:      r.Identity(name.Val()),
			APIName:       name,
			EndpointTypes: types,
			Policy:        adaptRestAPIPolicy(set, r, policies),
		})
	}
	for _, r := range set.OfType("aws_api_gateway_stage") {
		b := r.Body
		name := b.String("stage_name", "")
		st.Stages = append(st.Stages, &apigateway.Stage{
			Resource:             r.Identity(name.Val()),
			Version:              1,
			StageName:            name,
			AccessLogDestination: b.Block("access_log_settings").String("destination_arn", ""),
			XRayTracing:          b.Bool("xray_tracing_enabled", false),
			CacheClusterEnabled:  b.Bool("cache_cluster_enabled", false),
		})
	}
	for _, r := range set.OfType("aws_api_gateway_method") {
		b := r.Body
		st.Methods = append(st.Methods, &apigateway.Method{
			Resource:       r.Identity(""),
			HTTPMethod:     b.String("http_method", ""),
			Authorization:  b.String("authorization", ""),
			APIKeyRequired: b.Bool("api_key_required", false),
		})
	}
	for _, r := range set.OfType("aws_api_gateway_method_settings") {
		b := r.Body
		s := b.Block("settings")
		st.MethodSettings = append(st.MethodSettings, &apigateway.MethodSettings{
			Resource:           r.Identity(""),
			StageName:          b.String("stage_name", ""),
			MethodPath:         b.String("method_path", ""),
			LoggingLevel:       s.String("logging_level", "OFF"),
			DataTraceEnabled:   s.Bool("data_trace_enabled", false),
			MetricsEnabled:     s.Bool("metrics_enabled", false),
			CachingEnabled:     s.Bool("caching_enabled", false),
			CacheDataEncrypted: s.Bool("cache_data_encrypted", false),
		})
	}
	for _, r := range set.OfType("aws_api_gateway_domain_name") {
		domain := r.Body.String("domain_name", "")
		st.DomainNames = append(st.DomainNames, &apigateway.DomainName{
			Resource: r.Identity(domain.Val()),
			Domain:   domain,
			// API Gateway gives REST custom domains the TLS 1.0 policy unless
			// told otherwise.
			SecurityPolicy: r.Body.String("security_policy", "TLS_1_0"),
		})
	}
	adaptV2(set, &st)
	return st
}

// adaptRestAPIPolicy reads the resource policy from an
// aws_api_gateway_rest_api_policy companion or the inline policy attribute;
// without either it is iam.Absent.
func adaptRestAPIPolicy(set *tfres.Set, r *tfres.Resource, comps tfres.Companions) iam.Document {
	c, certain := comps.For(r)
	switch {
	case c != nil:
		return iamadapt.Document(set, c.Body, "policy")
	case !certain && !r.Body.Has("policy"):
		return iam.ParseDocument(model.Unresolved[string](r.Body.Origin))
	}
	return iamadapt.Document(set, r.Body, "policy")
}

func adaptV2(set *tfres.Set, st *apigateway.State) {
	for _, r := range set.OfType("aws_apigatewayv2_api") {
		name := r.Body.String("name", "")
		st.APIs = append(st.APIs, &apigateway.API{
			Resource:     r.Identity(name.Val()),
			APIName:      name,
			ProtocolType: r.Body.String("protocol_type", ""),
		})
	}
	for _, r := range set.OfType("aws_apigatewayv2_stage") {
		b := r.Body
		name := b.String("name", "")
		st.Stages = append(st.Stages, &apigateway.Stage{
			Resource:             r.Identity(name.Val()),
			Version:              2,
			StageName:            name,
			AccessLogDestination: b.Block("access_log_settings").String("destination_arn", ""),
			LoggingLevel:         b.Block("default_route_settings").String("logging_level", "OFF"),
		})
	}
	for _, r := range set.OfType("aws_apigatewayv2_route") {
		b := r.Body
		route := &apigateway.Route{
			Resource:          r.Identity(""),
			RouteKey:          b.String("route_key", ""),
			AuthorizationType: b.String("authorization_type", "NONE"),
			ProtocolType:      model.Unresolved[string](b.Origin),
		}
		if api, link := set.Resolve(b, "api_id", apiTypes, "id"); link == tfres.Linked {
			route.ProtocolType = api.Body.String("protocol_type", "")
		}
		st.Routes = append(st.Routes, route)
	}
}
