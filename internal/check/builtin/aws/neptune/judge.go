package neptune

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model"
)

// judge fails res when v is bad, passes it when v is known otherwise. format
// takes the resource name.
func judge(r *check.Reporter, res model.Resource, v model.Bool, bad bool, format string) {
	switch {
	case v.Is(bad):
		r.Fail(res, v.Origin, format, res.Name)
	case v.Known():
		r.Pass(res)
	}
}
