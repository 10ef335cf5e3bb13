package awsestate

import (
	"strings"

	"github.com/vigil-sec/vigil/internal/iam"
	"github.com/vigil-sec/vigil/internal/model"
	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// resources adds every resource that has a resource-based policy. A
// resource with no policy (a known empty text) is left out, which the
// evaluator reads as "none"; one whose policy could not be resolved is
// added with a policy whose Document is not Known, since it may grant
// anything.
//
// ARNs the source does not know are written in the estate's account with an
// empty region, from the resource's name (the model resource's name when
// the real one is generated at apply time). VPC endpoint policies are not
// resource-based policies of a resource and are left to the network view.
func (b *builder) resources() {
	st := b.st
	var rs []*iam.Resource
	add := func(r model.Resource, arn string, doc iammodel.Document) {
		if text, ok := doc.Raw.Get(); ok && text == "" {
			return
		}
		rs = append(rs, b.resource(r, arn, doc))
	}
	for _, bk := range st.S3.Buckets {
		add(bk.Resource, b.resourceARN(bk.Resource, model.String{}, bk.BucketName, func(n string) string {
			return "arn:" + b.partition + ":s3:::" + n
		}), bk.Policy)
	}
	for _, k := range st.KMS.Keys {
		arn := b.resourceARN(k.Resource, k.ARN, k.KeyID, func(n string) string { return b.arn("kms", "", "key/"+n) })
		doc := k.Policy
		if text, ok := doc.Raw.Get(); ok && text == "" {
			doc = defaultKeyPolicy(b.partition, b.accountOf(arn), doc.Raw.Origin)
		}
		add(k.Resource, arn, doc)
	}
	for _, q := range st.SQS.Queues {
		add(q.Resource, b.resourceARN(q.Resource, model.String{}, q.QueueName, func(n string) string { return b.arn("sqs", "", n) }), q.Policy)
	}
	for _, t := range st.SNS.Topics {
		add(t.Resource, b.resourceARN(t.Resource, model.String{}, t.TopicName, func(n string) string { return b.arn("sns", "", n) }), t.Policy)
	}
	for _, s := range st.SecretsManager.Secrets {
		add(s.Resource, b.resourceARN(s.Resource, s.ARN, s.SecretName, func(n string) string { return b.arn("secretsmanager", "", "secret:"+n) }), s.Policy)
	}
	for _, r := range st.ECR.Repositories {
		add(r.Resource, b.resourceARN(r.Resource, model.String{}, r.RepositoryName, func(n string) string { return b.arn("ecr", "", "repository/"+n) }), r.Policy)
	}
	for _, d := range st.OpenSearch.Domains {
		add(d.Resource, b.resourceARN(d.Resource, model.String{}, d.DomainName, func(n string) string { return b.arn("es", "", "domain/"+n) }), d.AccessPolicy)
	}
	for _, f := range st.EFS.FileSystems {
		add(f.Resource, b.resourceARN(f.Resource, model.String{}, model.String{}, func(n string) string { return b.arn("elasticfilesystem", "", "file-system/"+n) }), f.Policy)
	}
	for _, v := range st.Backup.Vaults {
		add(v.Resource, b.resourceARN(v.Resource, model.String{}, v.VaultName, func(n string) string { return b.arn("backup", "", "backup-vault:"+n) }), v.Policy)
	}
	for _, a := range st.APIGateway.RestAPIs {
		add(a.Resource, b.resourceARN(a.Resource, model.String{}, model.String{}, func(n string) string { return b.arn("execute-api", "", n) }), a.Policy)
	}
	rs = append(rs, b.functionPolicies()...)
	b.e.AddResource(rs...)
}

// resource builds a resource with its policy.
func (b *builder) resource(r model.Resource, arn string, doc iammodel.Document) *iam.Resource {
	p := iam.NewPolicy(iam.ResourcePolicy, r.Name, b.localDoc(doc))
	p.Source = r
	t, _ := tags(r.Tags)
	return &iam.Resource{ARN: arn, Account: b.accountOf(arn), Type: r.Type, Resource: r, Tags: t, Policy: p}
}

// resourceARN returns a resource's ARN: its live ID, the ARN the source
// knows, or one written from name (else the resource's name) by build.
func (b *builder) resourceARN(r model.Resource, arn, name model.String, build func(string) string) string {
	if strings.HasPrefix(r.ID, "arn:") {
		return r.ID
	}
	if s, ok := knownARN(arn); ok {
		return s
	}
	n, ok := name.Get()
	if !ok || n == "" {
		n = r.Name
	}
	return build(n)
}

// accountOf returns the account an ARN names, or the estate's.
func (b *builder) accountOf(arn string) string {
	if acct := accountOf(arn); acct != "" {
		return acct
	}
	return b.account
}

// defaultKeyPolicy is the key policy AWS gives a key created without one:
// the key's account may use it as its IAM policies allow. Without it no
// identity policy grants access to the key.
func defaultKeyPolicy(partition, account string, o model.Origin) iammodel.Document {
	text := `{"Version":"2012-10-17","Id":"key-default-1","Statement":[{"Sid":"Enable IAM User Permissions",` +
		`"Effect":"Allow","Principal":{"AWS":"arn:` + partition + `:iam::` + account + `:root"},"Action":"kms:*","Resource":"*"}]}`
	return iammodel.ParseDocument(model.Default(text, o))
}
