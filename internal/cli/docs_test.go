package cli

import (
	"bytes"
	"flag"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/vigil-sec/vigil/internal/config"
	"github.com/vigil-sec/vigil/internal/iam/escalation"
)

var update = flag.Bool("update", false, "regenerate the generated references in docs/")

// TestChecksReference keeps docs/checks.md generated from the checks'
// metadata, never hand-kept. Regenerate with -update.
func TestChecksReference(t *testing.T) {
	var buf bytes.Buffer
	buf.WriteString("# Built-in checks\n\nGenerated from the checks' metadata by `go test ./internal/cli -run ChecksReference -update`; `vigil checks show ID` explains each.\n\n")
	if err := runChecksList(checksListOptions{format: "markdown"}, &buf); err != nil {
		t.Fatal(err)
	}
	checkGenerated(t, "../../docs/checks.md", buf.Bytes(), "ChecksReference")
}

// TestTechniquesReference keeps docs/iam-techniques.md generated from
// escalation.Techniques(), so the reference lists exactly what `vigil iam
// paths` looks for. Regenerate with -update.
func TestTechniquesReference(t *testing.T) {
	ts := escalation.Techniques()
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "# Privilege-escalation techniques\n\n"+
		"Generated from `escalation.Techniques()` by `go test ./internal/cli -run TechniquesReference -update`.\n"+
		"These are the %d techniques `vigil iam paths` and check AWS-IAM-019 look for, in the order the\n"+
		"analysis tries them: for one pair of principals, the first technique that works is the one reported.\n"+
		"Required actions are those the attacker's principal needs; every one is evaluated on the resource\n"+
		"the step acts on. [docs/iam.md](iam.md#escalation-paths) explains the model.\n\n", len(ts))
	buf.WriteString("| ID | Name | Required actions | Description | References |\n|---|---|---|---|---|\n")
	for _, tq := range ts {
		actions := make([]string, len(tq.Actions))
		for i, a := range tq.Actions {
			actions[i] = "`" + a + "`"
		}
		fmt.Fprintf(&buf, "| `%s` | %s | %s | %s | %s |\n", tq.ID, cell(tq.Name), strings.Join(actions, ", "), cell(tq.Description), referenceLinks(t, tq.References))
	}
	checkGenerated(t, "../../docs/iam-techniques.md", buf.Bytes(), "TechniquesReference")
}

// cell escapes what would end a Markdown table cell.
func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// referenceLinks renders references as links named by their site, so a
// reader sees where each one leads: "BishopFox/iam-vulnerable",
// "pathfinding.cloud iam-001", "docs.aws.amazon.com".
func referenceLinks(t *testing.T, refs []string) string {
	links := make([]string, 0, len(refs))
	seen := map[string]int{}
	for _, ref := range refs {
		u, err := url.Parse(ref)
		if err != nil || u.Host == "" {
			t.Fatalf("reference %q is not a URL", ref)
		}
		label := strings.TrimPrefix(u.Host, "www.")
		segs := strings.Split(strings.Trim(u.Path, "/"), "/")
		switch {
		case label == "github.com" && len(segs) >= 2:
			label = segs[0] + "/" + segs[1]
		case label == "pathfinding.cloud" && len(segs) > 0:
			label += " " + segs[len(segs)-1]
		}
		seen[label]++
		if n := seen[label]; n > 1 {
			label = fmt.Sprintf("%s (%d)", label, n)
		}
		links = append(links, fmt.Sprintf("[%s](%s)", label, ref))
	}
	return strings.Join(links, "<br>")
}

// checkGenerated compares a generated document with the committed one, or
// writes it with -update.
func checkGenerated(t *testing.T, path string, want []byte, test string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	have, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s (regenerate with -update): %v", path, err)
	}
	if !bytes.Equal(have, want) {
		t.Errorf("%s is out of date; regenerate with: go test ./internal/cli -run %s -update", path, test)
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
