package ecr

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/ecr"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
	iamadapt "github.com/vigil-sec/vigil/internal/source/tfaws/iam"
	kmsadapt "github.com/vigil-sec/vigil/internal/source/tfaws/kms"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

var repositoryTypes = []string{"aws_ecr_repository"}

// Adapt builds the ECR state from evaluated resources.
func Adapt(set *tfres.Set) ecr.State {
	policies := set.Attach("aws_ecr_repository_policy", "repository", repositoryTypes, "name")
	var st ecr.State
	for _, r := range set.OfType("aws_ecr_repository") {
		b := r.Body
		name := b.String("name", "")
		enc := b.Block("encryption_configuration")
		st.Repositories = append(st.Repositories, &ecr.Repository{
			Resource:       r.Identity(name.Val()),
			RepositoryName: name,
			TagMutability:  b.String("image_tag_mutability", "MUTABLE"),
			ScanOnPush:     b.Block("image_scanning_configuration").Bool("scan_on_push", false),
			Encryption: ecr.Encryption{
				Type: enc.String("encryption_type", "AES256"),
				Key:  kmsadapt.KeyRef(set, enc, "kms_key"),
			},
			Policy: adaptPolicy(set, r, policies),
		})
	}
	for _, r := range set.OfType("aws_ecr_registry_scanning_configuration") {
		st.Registries = append(st.Registries, adaptRegistry(r))
	}
	return st
}

// adaptPolicy reads the repository policy from its aws_ecr_repository_policy
// companion; a repository without one has none (iam.Absent).
func adaptPolicy(set *tfres.Set, r *tfres.Resource, comps tfres.Companions) iam.Document {
	c, certain := comps.For(r)
	switch {
	case c != nil:
		return iamadapt.Document(set, c.Body, "policy")
	case !certain:
		return iam.ParseDocument(model.Unresolved[string](r.Body.Origin))
	}
	return iam.Absent(r.Body.Origin)
}

func adaptRegistry(r *tfres.Resource) *ecr.Registry {
	reg := &ecr.Registry{Resource: r.Identity(""), ScanType: r.Body.String("scan_type", "")}
	for _, rule := range r.Body.Blocks("rule") {
		sr := ecr.ScanRule{Frequency: rule.String("scan_frequency", ""), RepositoryFilters: model.List[string]{Meta: model.Meta{Origin: rule.Origin, Certainty: model.Explicit}}}
		if !rule.BlocksKnown("repository_filter") {
			sr.RepositoryFilters.Certainty = model.Unknown
		}
		for _, f := range rule.Blocks("repository_filter") {
			sr.RepositoryFilters.Items = append(sr.RepositoryFilters.Items, f.String("filter", ""))
		}
		reg.ScanRules = append(reg.ScanRules, sr)
	}
	if !r.Body.BlocksKnown("rule") {
		// A dynamic rule block over an unknown collection: any repository
		// might be covered.
		reg.ScanRules = append(reg.ScanRules, ecr.ScanRule{
			Frequency:         model.Unresolved[string](r.Body.Origin),
			RepositoryFilters: model.List[string]{Meta: model.Meta{Origin: r.Body.Origin}},
		})
	}
	return reg
}
