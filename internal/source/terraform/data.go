package terraform

import (
	"github.com/vigil-sec/vigil/internal/source/tfres"
	"github.com/zclconf/go-cty/cty"
)

// dataSource returns the attributes a data source computes from its own
// configuration; everything else it exports is unknown until read.
func (in *instance) dataSource(r *resourceConfig, b *tfres.Block, addr string) map[string]cty.Value {
	switch r.typ {
	case "aws_iam_policy_document":
		vals, err := policyDocument(b)
		if err != nil {
			in.r.diags.Errorf(b.Origin.Range, "%s: %s", addr, err)
			return nil
		}
		return vals
	}
	return nil
}
