package ssm

import (
	"strings"

	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/ssm"
	kmsadapt "github.com/vigil-sec/vigil/internal/source/tfaws/kms"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the SSM state from evaluated resources. Parameter values are
// never read: only whether the configuration sets one.
func Adapt(set *tfres.Set) ssm.State {
	var st ssm.State
	for _, r := range set.OfType("aws_ssm_parameter") {
		b := r.Body
		name := b.String("name", "")
		arn := b.String("arn", "")
		if !b.Has("arn") {
			arn = model.Unresolved[string](b.Origin)
		}
		st.Parameters = append(st.Parameters, &ssm.Parameter{
			Resource:      r.Identity(name.Val()),
			ParameterName: name,
			ARN:           arn,
			Type:          b.String("type", ""),
			KMSKey:        kmsadapt.KeyRef(set, b, "key_id"),
			Tier:          b.String("tier", "Standard"),
			DataType:      b.String("data_type", "text"),
			HasValue:      hasAny(b, "value", "insecure_value", "value_wo"),
		})
	}
	for _, r := range set.OfType("aws_ssm_document") {
		b := r.Body
		name := b.String("name", "")
		st.Documents = append(st.Documents, &ssm.Document{
			Resource:     r.Identity(name.Val()),
			DocumentName: name,
			DocumentType: b.String("document_type", ""),
			SharedWith:   sharedWith(b),
		})
	}
	return st
}

// sharedWith reads the permissions map ({type = "Share", account_ids =
// "All" or "111122223333,444455556666"}) as a list of accounts.
func sharedWith(b *tfres.Block) model.List[string] {
	perms := b.StringMap("permissions")
	out := model.List[string]{Meta: perms.Meta}
	if !perms.Known() {
		return out
	}
	ids, ok := perms.Lookup("account_ids")
	if !ok {
		return out
	}
	v, known := ids.Get()
	if !known {
		out.Certainty = model.Unknown
		return out
	}
	for _, id := range strings.Split(v, ",") {
		if id = strings.TrimSpace(id); id != "" {
			out.Items = append(out.Items, model.Set(id, ids.Origin))
		}
	}
	return out
}

// hasAny reports whether one of the attributes is set, without reading it.
func hasAny(b *tfres.Block, names ...string) model.Bool {
	for _, n := range names {
		if a := b.Attr(n); a != nil {
			return model.Set(true, a.Origin)
		}
	}
	if b.Unknown() {
		return model.Unresolved[bool](b.Origin)
	}
	return model.Default(false, b.Origin)
}
