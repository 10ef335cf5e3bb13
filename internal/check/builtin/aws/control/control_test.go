package control

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vigil-sec/vigil/internal/check"
)

func TestExtrasComeFirst(t *testing.T) {
	cis := check.Control{Framework: check.FrameworkCISAWS30, ID: "2.3.1"}
	got := EncryptionAtRest(cis)
	if diff := cmp.Diff(append([]check.Control{cis}, EncryptionAtRest()...), got); diff != "" {
		t.Errorf("EncryptionAtRest(cis) (-want +got):\n%s", diff)
	}
}

// TestSetsAreNotShared: a caller's extra slice with room to spare must not
// become the backing array of the sets built on it.
func TestSetsAreNotShared(t *testing.T) {
	extra := make([]check.Control, 1, 16)
	a := Recovery(extra...)
	b := AuditLogging(extra...)
	if a[1] == b[1] {
		t.Errorf("two sets built on one extra slice share their backing array: %v", a[1])
	}
}
