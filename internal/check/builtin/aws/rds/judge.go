package rds

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model"
)

// judge fails res when v is known to be bad and passes it when v is known to
// be anything else; an unknown v is not judged. format takes res.Name.
func judge(r *check.Reporter, res model.Resource, v model.Bool, bad bool, format string) {
	switch {
	case v.Is(bad):
		r.Fail(res, v.Origin, format, res.Name)
	case v.Known():
		r.Pass(res)
	}
}

func encryptionAtRest() []check.Control {
	return []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SC-28"},
		{Framework: check.FrameworkPCIDSS40, ID: "3.5.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkHIPAA, ID: "164.312(a)(2)(iv)"},
		{Framework: check.FrameworkISO27001, ID: "A.8.24"},
	}
}

func customerManagedKey() []check.Control {
	return []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SC-12"},
		{Framework: check.FrameworkNIST80053, ID: "SC-28"},
		{Framework: check.FrameworkPCIDSS40, ID: "3.6.1"},
		{Framework: check.FrameworkISO27001, ID: "A.8.24"},
	}
}

func encryptionInTransit() []check.Control {
	return []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SC-8"},
		{Framework: check.FrameworkPCIDSS40, ID: "4.2.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.7"},
		{Framework: check.FrameworkHIPAA, ID: "164.312(e)(1)"},
		{Framework: check.FrameworkISO27001, ID: "A.8.24"},
	}
}

func recovery() []check.Control {
	return []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "CP-9"},
		{Framework: check.FrameworkSOC2, ID: "A1.2"},
		{Framework: check.FrameworkHIPAA, ID: "164.308(a)(7)(ii)(A)"},
		{Framework: check.FrameworkISO27001, ID: "A.8.13"},
	}
}
