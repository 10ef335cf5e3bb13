package control

import (
	"slices"

	"github.com/vigil-sec/vigil/internal/check"
)

// EncryptionAtRest is for data stored unencrypted.
func EncryptionAtRest(extra ...check.Control) []check.Control {
	return set(extra, []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SC-28"},
		{Framework: check.FrameworkPCIDSS40, ID: "3.5.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkHIPAA, ID: "164.312(a)(2)(iv)"},
		{Framework: check.FrameworkISO27001, ID: "A.8.24"},
	})
}

// EncryptionInTransit is for connections that may carry data in clear text.
func EncryptionInTransit(extra ...check.Control) []check.Control {
	return set(extra, []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SC-8"},
		{Framework: check.FrameworkPCIDSS40, ID: "4.2.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.7"},
		{Framework: check.FrameworkHIPAA, ID: "164.312(e)(1)"},
		{Framework: check.FrameworkISO27001, ID: "A.8.24"},
	})
}

// CustomerManagedKey is for data encrypted with a key the customer does not
// manage (an AWS managed or AWS owned key).
func CustomerManagedKey(extra ...check.Control) []check.Control {
	return set(extra, []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SC-12"},
		{Framework: check.FrameworkNIST80053, ID: "SC-28"},
		{Framework: check.FrameworkPCIDSS40, ID: "3.6.1"},
		{Framework: check.FrameworkISO27001, ID: "A.8.24"},
	})
}

// Recovery is for data without backups to restore it from.
func Recovery(extra ...check.Control) []check.Control {
	return set(extra, []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "CP-9"},
		{Framework: check.FrameworkSOC2, ID: "A1.2"},
		{Framework: check.FrameworkHIPAA, ID: "164.308(a)(7)(ii)(A)"},
		{Framework: check.FrameworkISO27001, ID: "A.8.13"},
	})
}

// AuditLogging is for activity that is not logged.
func AuditLogging(extra ...check.Control) []check.Control {
	return set(extra, []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "AU-2"},
		{Framework: check.FrameworkNIST80053, ID: "AU-12"},
		{Framework: check.FrameworkPCIDSS40, ID: "10.2.1"},
		{Framework: check.FrameworkSOC2, ID: "CC7.2"},
		{Framework: check.FrameworkHIPAA, ID: "164.312(b)"},
		{Framework: check.FrameworkISO27001, ID: "A.8.15"},
	})
}

// NetworkExposure is for network paths open wider than they should be.
func NetworkExposure(extra ...check.Control) []check.Control {
	return set(extra, []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SC-7"},
		{Framework: check.FrameworkNIST80053, ID: "AC-4"},
		{Framework: check.FrameworkPCIDSS40, ID: "1.3.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.6"},
		{Framework: check.FrameworkISO27001, ID: "A.8.20"},
	})
}

// set puts a check's own controls before the shared ones, in a slice of its
// own so that no two checks share a backing array.
func set(extra, shared []check.Control) []check.Control {
	return slices.Concat(extra, shared)
}
