package opensearch

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
	"github.com/vigil-sec/vigil/internal/model/aws/opensearch"
	iamadapt "github.com/vigil-sec/vigil/internal/source/tfaws/iam"
	kmsadapt "github.com/vigil-sec/vigil/internal/source/tfaws/kms"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

var domainTypes = []string{"aws_opensearch_domain", "aws_elasticsearch_domain"}

// Adapt builds the OpenSearch state from evaluated resources: OpenSearch
// domains and the legacy Elasticsearch domains, which are the same service.
func Adapt(set *tfres.Set) opensearch.State {
	var policies tfres.Companions
	for _, typ := range []string{"aws_opensearch_domain_policy", "aws_elasticsearch_domain_policy"} {
		c := set.Attach(typ, "domain_name", domainTypes, "domain_name")
		policies = merge(policies, c)
	}
	var st opensearch.State
	for _, typ := range domainTypes {
		for _, r := range set.OfType(typ) {
			d := adaptDomain(set, r)
			d.AccessPolicy = adaptPolicy(set, r, policies)
			st.Domains = append(st.Domains, d)
		}
	}
	return st
}

func adaptDomain(set *tfres.Set, r *tfres.Resource) *opensearch.Domain {
	b := r.Body
	name := b.String("domain_name", "")
	version := b.String("engine_version", "")
	if r.Type == "aws_elasticsearch_domain" {
		version = model.Derive(b.String("elasticsearch_version", "1.5"), func(v string) string { return "Elasticsearch_" + v })
	}
	rest := b.Block("encrypt_at_rest")
	fgac := b.Block("advanced_security_options")
	vpc := b.Block("vpc_options")
	inVPC := model.Default(false, b.Origin)
	switch {
	case vpc.Unknown():
		inVPC = model.Unresolved[bool](vpc.Origin)
	case vpc.Present():
		inVPC = model.Set(true, vpc.Origin)
	}
	return &opensearch.Domain{
		Resource:             r.Identity(name.Val()),
		DomainName:           name,
		EngineVersion:        version,
		AtRestEncryption:     opensearch.Encryption{Enabled: rest.Bool("enabled", false), Key: kmsadapt.KeyRef(set, rest, "kms_key_id")},
		NodeToNodeEncryption: b.Block("node_to_node_encryption").Bool("enabled", false),
		Endpoint:             adaptEndpoint(b),
		InVPC:                inVPC,
		FineGrained: opensearch.FineGrainedAccessControl{
			Enabled:              fgac.Bool("enabled", false),
			InternalUserDatabase: fgac.Bool("internal_user_database_enabled", false),
		},
		CognitoEnabled: b.Block("cognito_options").Bool("enabled", false),
		Logs:           adaptLogs(b),
	}
}

// adaptEndpoint reads domain_endpoint_options. Without the block the service
// picks the settings, which have changed over time, so they stay unknown;
// inside it the provider requires HTTPS unless told otherwise.
func adaptEndpoint(b *tfres.Block) opensearch.Endpoint {
	opts := b.Block("domain_endpoint_options")
	if !opts.Present() || opts.Unknown() {
		return opensearch.Endpoint{EnforceHTTPS: model.Unresolved[bool](opts.Origin), TLSPolicy: model.Unresolved[string](opts.Origin)}
	}
	e := opensearch.Endpoint{EnforceHTTPS: opts.Bool("enforce_https", true), TLSPolicy: opts.String("tls_security_policy", "")}
	if !opts.Has("tls_security_policy") {
		e.TLSPolicy = model.Unresolved[string](opts.Origin)
	}
	return e
}

func adaptLogs(b *tfres.Block) model.Map[bool] {
	logs := model.Map[bool]{Entries: map[string]model.Bool{}, Meta: model.Meta{Origin: b.Origin, Certainty: model.Explicit}}
	if !b.BlocksKnown("log_publishing_options") {
		logs.Certainty = model.Unknown
	}
	for _, l := range b.Blocks("log_publishing_options") {
		typ := l.String("log_type", "")
		if !typ.Known() {
			logs.Certainty = model.Unknown
			continue
		}
		logs.Entries[typ.Val()] = l.Bool("enabled", true)
	}
	return logs
}

// adaptPolicy reads the access policy from an aws_opensearch_domain_policy
// (or aws_elasticsearch_domain_policy) companion, which overrides the inline
// access_policies, or from the inline attribute; without either it is
// iam.Absent.
func adaptPolicy(set *tfres.Set, r *tfres.Resource, comps tfres.Companions) iam.Document {
	c, certain := comps.For(r)
	switch {
	case c != nil:
		return iamadapt.Document(set, c.Body, "access_policies")
	case !certain:
		return iam.Document{Raw: model.Unresolved[string](r.Body.Origin)}
	}
	return iamadapt.Document(set, r.Body, "access_policies")
}

// merge joins the companions of two companion types that configure the same
// setting.
func merge(a, b tfres.Companions) tfres.Companions {
	out := tfres.Companions{ByTarget: map[string][]*tfres.Resource{}}
	for _, c := range []tfres.Companions{a, b} {
		for addr, rs := range c.ByTarget {
			out.ByTarget[addr] = append(out.ByTarget[addr], rs...)
		}
		out.Unresolved = append(out.Unresolved, c.Unresolved...)
	}
	return out
}
