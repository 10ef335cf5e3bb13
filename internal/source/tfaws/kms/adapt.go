package kms

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
	"github.com/vigil-sec/vigil/internal/model/aws/kms"
	iamadapt "github.com/vigil-sec/vigil/internal/source/tfaws/iam"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the KMS state from evaluated resources: aws_kms_key joined with
// its aws_kms_key_policy companion and aws_kms_alias resources.
func Adapt(set *tfres.Set) kms.State {
	policies := set.Attach("aws_kms_key_policy", "key_id", []string{"aws_kms_key"}, "key_id", "arn")
	var st kms.State
	keys := map[string]*kms.Key{}
	for _, r := range set.OfType("aws_kms_key") {
		b := r.Body
		k := &kms.Key{
			Resource:           r.Identity(""),
			KeyID:              model.Unresolved[string](b.Origin),
			ARN:                model.Unresolved[string](b.Origin),
			Description:        b.String("description", ""),
			KeyUsage:           b.String("key_usage", "ENCRYPT_DECRYPT"),
			KeySpec:            b.String("customer_master_key_spec", "SYMMETRIC_DEFAULT"),
			RotationEnabled:    b.Bool("enable_key_rotation", false),
			RotationPeriodDays: b.Int("rotation_period_in_days", 365),
			DeletionWindowDays: b.Int("deletion_window_in_days", 30),
			Enabled:            b.Bool("is_enabled", true),
			MultiRegion:        b.Bool("multi_region", false),
		}
		switch c, certain := policies.For(r); {
		case c != nil:
			k.Policy = iamadapt.Document(set, c.Body, "policy")
		case !certain:
			k.Policy = iam.ParseDocument(model.Unresolved[string](b.Origin))
		default:
			k.Policy = iamadapt.Document(set, b, "policy")
		}
		keys[r.Address] = k
		st.Keys = append(st.Keys, k)
	}
	for _, r := range set.OfType("aws_kms_alias") {
		name := r.Body.String("name", "")
		if !r.Body.Has("name") {
			name = model.Unresolved[string](r.Body.Origin)
		}
		a := &kms.Alias{Resource: r.Identity(name.Val()), AliasName: name, TargetKeyID: r.Body.String("target_key_id", "")}
		if t, link := set.Resolve(r.Body, "target_key_id", []string{"aws_kms_key"}, "key_id", "arn"); link == tfres.Linked {
			k := keys[t.Address]
			a.KeyResourceID = k.ID
			k.Aliases = append(k.Aliases, a)
		}
		st.Aliases = append(st.Aliases, a)
	}
	return st
}
