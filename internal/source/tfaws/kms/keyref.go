package kms

import (
	"strings"

	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/kms"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// keyTypes are the resources that create customer managed keys.
var keyTypes = map[string]bool{
	"aws_kms_key":                  true,
	"aws_kms_replica_key":          true,
	"aws_kms_external_key":         true,
	"aws_kms_replica_external_key": true,
}

// KeyRef reads the attribute name of b (kms_key_id, kms_master_key_id, ...)
// as the key encrypting a resource. An absent attribute is the service's AWS
// managed key. An unknown value read from a key, or an alias of a key, that
// the configuration creates is still known to be customer managed.
//
// Every adapter of a resource encrypted with KMS uses it, so "does this use a
// CMK" is answered one way.
func KeyRef(set *tfres.Set, b *tfres.Block, name string) kms.KeyRef {
	id := b.String(name, "")
	if v, ok := id.Get(); ok {
		return kms.KeyRef{ID: id, CustomerManaged: model.Derive(id, func(s string) bool {
			return s != "" && !kms.IsAWSManagedAlias(v)
		})}
	}
	ref := kms.KeyRef{ID: id, CustomerManaged: model.Unresolved[bool](id.Origin)}
	for _, r := range b.Refs(name) {
		if managed, known := customerManaged(set.Get(r.Address)); known {
			ref.CustomerManaged = model.Set(managed, id.Origin)
		}
	}
	return ref
}

// customerManaged says whether r is a customer managed key, when that is
// known: a key resource is; an alias, or a key data source looked up by
// alias, is unless the alias is an aws/ one.
func customerManaged(r *tfres.Resource) (managed, known bool) {
	if r == nil {
		return false, false
	}
	var name model.String
	switch {
	case r.Mode == tfres.Managed && keyTypes[r.Type]:
		return true, true
	case r.Type == "aws_kms_alias":
		name = r.Body.String("name", "")
	case r.Mode == tfres.Data && r.Type == "aws_kms_key":
		name = r.Body.String("key_id", "")
		if v, ok := name.Get(); ok && !strings.Contains(v, "alias/") {
			// A key ID or ARN says nothing of who manages the key.
			return false, false
		}
	default:
		return false, false
	}
	v, ok := name.Get()
	if !ok || v == "" {
		return false, false
	}
	return !kms.IsAWSManagedAlias(v), true
}
