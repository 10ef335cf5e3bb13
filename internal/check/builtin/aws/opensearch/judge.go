package opensearch

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model"
)

// judge fails res when v is known to be bad and passes it when v is known to
// be anything else. format takes res.Name.
func judge(r *check.Reporter, res model.Resource, v model.Bool, bad bool, format string) {
	switch {
	case v.Is(bad):
		r.Fail(res, v.Origin, format, res.Name)
	case v.Known():
		r.Pass(res)
	}
}

func inTransit() []check.Control {
	return []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SC-8"},
		{Framework: check.FrameworkPCIDSS40, ID: "4.2.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.7"},
		{Framework: check.FrameworkHIPAA, ID: "164.312(e)(1)"},
		{Framework: check.FrameworkISO27001, ID: "A.8.24"},
	}
}
