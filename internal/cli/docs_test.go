package cli

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/vigil-sec/vigil/internal/config"
)

var update = flag.Bool("update", false, "regenerate docs/checks.md")

// TestChecksReference keeps docs/checks.md generated from the checks'
// metadata, never hand-kept. Regenerate with -update.
func TestChecksReference(t *testing.T) {
	var buf bytes.Buffer
	buf.WriteString("# Built-in checks\n\nGenerated from the checks' metadata by `go test ./internal/cli -run ChecksReference -update`; `vigil checks show ID` explains each.\n\n")
	if err := runChecksList(checksListOptions{format: "markdown"}, &buf); err != nil {
		t.Fatal(err)
	}
	const path = "../../docs/checks.md"
	if *update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	have, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s (regenerate with -update): %v", path, err)
	}
	if !bytes.Equal(have, buf.Bytes()) {
		t.Errorf("%s is out of date with the checks; regenerate with: go test ./internal/cli -run ChecksReference -update", path)
	}
}

func TestConfigurationDocNamesEveryVariable(t *testing.T) {
	doc, err := os.ReadFile("../../docs/configuration.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range config.EnvVars() {
		if !strings.Contains(string(doc), "`"+v+"`") {
			t.Errorf("docs/configuration.md does not document %s", v)
		}
	}
}
