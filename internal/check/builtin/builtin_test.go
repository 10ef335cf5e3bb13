package builtin

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigil-sec/vigil/internal/check"
)

// minChecks is the floor the core issue promised; it only ever goes up.
const minChecks = 150

func TestRegistry(t *testing.T) {
	reg, err := Registry()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(reg.All()); n < minChecks {
		t.Errorf("%d built-in checks, want at least %d", n, minChecks)
	}
	for _, c := range reg.All() {
		t.Run(c.ID, func(t *testing.T) {
			checkMetadata(t, c)
			fixtures := filepath.Join(c.Provider, c.Service, "testdata", c.ID)
			if _, err := os.Stat(fixtures); err != nil {
				t.Errorf("no fixtures at %s", fixtures)
			}
		})
	}
}

func checkMetadata(t *testing.T, c *check.Check) {
	t.Helper()
	if !strings.HasPrefix(c.ID, strings.ToUpper(c.Provider)+"-") {
		t.Errorf("ID %s does not start with the provider", c.ID)
	}
	if c.Remediation.Terraform == "" {
		t.Error("no Terraform remediation snippet")
	}
	if len(c.References) == 0 {
		t.Error("no references")
	}
	for _, ref := range c.References {
		if !strings.HasPrefix(ref, "https://") {
			t.Errorf("reference %q is not an https URL", ref)
		}
	}
	if len(c.Compliance) == 0 {
		t.Error("no compliance mappings")
	}
	known := map[string]bool{}
	for _, f := range check.Frameworks {
		known[f.Key] = true
	}
	for _, ctl := range c.Compliance {
		if !known[ctl.Framework] || ctl.ID == "" {
			t.Errorf("bad compliance mapping %+v", ctl)
		}
	}
	if strings.HasSuffix(c.Title, ".") {
		t.Errorf("title %q ends with a period", c.Title)
	}
}
