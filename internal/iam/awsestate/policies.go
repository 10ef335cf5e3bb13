package awsestate

import (
	"github.com/vigil-sec/vigil/internal/iam"
	"github.com/vigil-sec/vigil/internal/model"
	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// managedPolicyType is the model resource type of AWS managed policies,
// which no source declares: their documents come from the catalogue.
const managedPolicyType = "AWS::IAM::ManagedPolicy"

// attached returns the identity policy an attachment attaches. One whose
// policy cannot be told gets a policy of its own with an unknown document.
func (b *builder) attached(at *iammodel.Attachment) *iam.Policy {
	if at.Policy != nil {
		return b.sourcePolicy(iam.IdentityPolicy, at.Policy)
	}
	if arn, ok := at.PolicyARN.Get(); ok && arn != "" {
		return b.managedPolicy(iam.IdentityPolicy, arn)
	}
	p := iam.NewPolicy(iam.IdentityPolicy, "", unknownDocument(at.Origin))
	p.Source = at.Resource
	return p
}

// boundary returns the permissions boundary an identity names, nil when it
// has none: the source's policy when the model links one, else the managed
// policy at its ARN. A boundary that cannot be read has an unknown document:
// it limits the principal in ways the estate does not know.
func (b *builder) boundary(v model.String, linked *iammodel.Policy, declared model.Resource) *iam.Policy {
	if linked != nil {
		return b.sourcePolicy(iam.BoundaryPolicy, linked)
	}
	arn, ok := v.Get()
	switch {
	case ok && arn == "":
		return nil
	case ok:
		return b.managedPolicy(iam.BoundaryPolicy, arn)
	}
	p := iam.NewPolicy(iam.BoundaryPolicy, "", unknownDocument(v.OriginOr(declared.Origin)))
	p.Source = declared
	return p
}

// managedPolicy returns the managed policy at arn: the source's customer
// managed policy, else the catalogue's AWS managed policy, else one with an
// unknown document. Each is built once per kind and shared.
func (b *builder) managedPolicy(kind iam.PolicyKind, arn string) *iam.Policy {
	if src := b.sourcePolicies[arn]; src != nil {
		return b.sourcePolicy(kind, src)
	}
	key := managedKey{kind: kind, arn: arn}
	if p := b.managed[key]; p != nil {
		return p
	}
	name, _ := iammodel.PolicyNameFromARN(arn)
	o := model.Origin{ARN: arn}
	doc := unknownDocument(o)
	if text, ok := b.cat.ManagedPolicy(arn); ok {
		doc = iammodel.ParseDocument(model.Set(text, o))
	}
	p := iam.NewPolicy(kind, name, doc)
	p.ARN = arn
	p.Source = model.Resource{ID: arn, Type: managedPolicyType, Name: name, Origin: o}
	b.managed[key] = p
	return p
}

// sourcePolicy returns a managed policy the source defines: a customer
// managed policy, or an AWS managed one a live snapshot holds (as the
// account sees it, with its versions).
func (b *builder) sourcePolicy(kind iam.PolicyKind, src *iammodel.Policy) *iam.Policy {
	key := managedKey{kind: kind, src: src}
	if p := b.managed[key]; p != nil {
		return p
	}
	name, ok := src.PolicyName.Get()
	if !ok || name == "" {
		name = src.Name
	}
	p := iam.NewPolicy(kind, name, b.localDoc(src.Document))
	p.Source, p.Versions = src.Resource, src.Versions
	if arn, ok := knownARN(src.ARN); ok {
		p.ARN = arn
	} else if path, ok := src.Path.Get(); ok && src.PolicyName.Known() {
		if path == "" {
			path = "/"
		}
		p.ARN = "arn:" + b.partition + ":iam::" + b.account + ":policy" + path + name
	}
	b.managed[key] = p
	return p
}
