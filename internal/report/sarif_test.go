package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model"
)

// sarifSchemaFile is the official OASIS SARIF 2.1.0 schema (errata 01); see
// testdata/README.md for its source.
const sarifSchemaFile = "sarif-schema-2.1.0.json"

func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", sarifSchemaFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("parse SARIF schema: %v", err)
	}
	c := jsonschema.NewCompiler()
	// Check "format" too (uri, uri-reference, date-time): GitHub rejects
	// malformed URIs that a lenient validator would pass.
	c.AssertFormat()
	if err := c.AddResource(sarifSchemaFile, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(sarifSchemaFile)
	if err != nil {
		t.Fatalf("compile SARIF schema: %v", err)
	}
	return sch
}

func validateSARIF(t *testing.T, sch *jsonschema.Schema, out []byte) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("SARIF output is not JSON: %v", err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("SARIF output does not validate against the 2.1.0 schema: %v", err)
	}
}

func TestSARIFSchema(t *testing.T) {
	sch := compileSARIFSchema(t)
	reports := map[string]*Report{
		"fixture":   fixture(),
		"empty":     emptyFixture(),
		"zero":      {},
		"truncated": manyFindings(40),
	}
	for name, r := range reports {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := json.NewEncoder(&buf).Encode(toSARIF(r, sarifLimits{results: 10, locations: 2, tags: 3})); err != nil {
				t.Fatal(err)
			}
			validateSARIF(t, sch, buf.Bytes())
			validateSARIF(t, sch, render(t, "sarif", Options{}, r))
		})
	}
	// The schema must be able to fail, or the test above proves nothing.
	bad := bytes.Replace(render(t, "sarif", Options{}, fixture()), []byte(`"level": "error"`), []byte(`"level": "fatal"`), 1)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(bad))
	if err != nil {
		t.Fatal(err)
	}
	if sch.Validate(inst) == nil {
		t.Error("the schema accepted an invalid level; is the schema file intact?")
	}
}

// TestSARIFGitHub checks what GitHub code scanning needs beyond the schema
// (CONVENTIONS.md 3.1).
func TestSARIFGitHub(t *testing.T) {
	log := toSARIF(fixture(), githubLimits)
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs; want 1", len(log.Runs))
	}
	run := log.Runs[0]
	drv := run.Tool.Driver
	if drv.Name != "vigil" || drv.Version != "v0.4.0" || drv.SemanticVersion != "0.4.0" || drv.InformationURI == "" {
		t.Errorf("driver = %+v", drv)
	}
	if got := run.AutomationDetails.ID; got != "vigil/./infra/" {
		t.Errorf("automationDetails.id = %q", got)
	}
	if _, ok := run.OriginalURIBaseIDs[srcRoot]; !ok {
		t.Errorf("originalUriBaseIds lacks %s", srcRoot)
	}

	// Every check that ran is a rule, even one with only passes.
	var ruleIDs []string
	for _, rule := range drv.Rules {
		ruleIDs = append(ruleIDs, rule.ID)
		p := rule.Properties
		if !slices.Contains(p.Tags, "security") || len(p.Tags) > 20 || p.Precision == "" {
			t.Errorf("rule %s properties = %+v", rule.ID, p)
		}
		if rule.Help.Text == "" || rule.Help.Markdown == "" || rule.ShortDescription.Text == "" || rule.FullDescription.Text == "" {
			t.Errorf("rule %s lacks help or descriptions", rule.ID)
		}
	}
	if want := []string{"AWS-IAM-002", "AWS-EC2-004", "AWS-S3-001", "AWS-S3-003", "AWS-S3-010"}; !slices.Equal(ruleIDs, want) {
		t.Errorf("rules = %v; want %v", ruleIDs, want)
	}
	wantSeverity := map[string]string{"AWS-S3-001": "9.5", "AWS-IAM-002": "8.0", "AWS-S3-003": "5.5", "AWS-EC2-004": "3.0", "AWS-S3-010": "0.0"}
	for _, rule := range drv.Rules {
		if rule.Properties.SecuritySeverity != wantSeverity[rule.ID] {
			t.Errorf("rule %s security-severity = %q; want %q", rule.ID, rule.Properties.SecuritySeverity, wantSeverity[rule.ID])
		}
	}
	var md string
	for _, rule := range drv.Rules {
		if rule.ID == "AWS-S3-001" {
			md = rule.Help.Markdown
		}
	}
	if !strings.Contains(md, "```hcl\nresource \"aws_s3_bucket_public_access_block\"") || !strings.Contains(md, "| CIS Amazon Web Services Foundations Benchmark v3.0.0 | 2.1.4 |") {
		t.Errorf("AWS-S3-001 help markdown lacks the Terraform snippet or compliance table:\n%s", md)
	}

	// Results: failures with a file only (not the live ARN, not passes).
	if len(run.Results) != 4 {
		t.Fatalf("%d results; want 4 file-located failures", len(run.Results))
	}
	var suppressions, related int
	for _, res := range run.Results {
		if drv.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result ruleIndex %d points at %s, not %s", res.RuleIndex, drv.Rules[res.RuleIndex].ID, res.RuleID)
		}
		if res.PartialFingerprints[fingerprintKey] == "" {
			t.Errorf("result %s has no %s fingerprint", res.RuleID, fingerprintKey)
		}
		loc := res.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URIBaseID != srcRoot || strings.HasPrefix(loc.ArtifactLocation.URI, "/") || loc.Region.StartLine < 1 {
			t.Errorf("result %s location = %+v", res.RuleID, loc)
		}
		if strings.Contains(res.Message.Text, "arn:") {
			t.Errorf("live finding in SARIF: %+v", res)
		}
		suppressions += len(res.Suppressions)
		related += len(res.RelatedLocations)
	}
	if suppressions != 2 || related != 2 {
		t.Errorf("%d suppressions and %d module call locations; want 2 and 2", suppressions, related)
	}
	levels := map[check.Severity]string{check.Critical: "error", check.High: "error", check.Medium: "warning", check.Low: "note", check.Info: "note"}
	for sev, want := range levels {
		if got := sarifLevel(sev); got != want {
			t.Errorf("sarifLevel(%v) = %q; want %q", sev, got, want)
		}
	}
}

// TestSARIFLimits checks the GitHub limits are enforced by keeping the most
// severe results and saying so.
func TestSARIFLimits(t *testing.T) {
	r := manyFindings(40)
	log := toSARIF(r, sarifLimits{results: 10, locations: 2, tags: 3})
	run := log.Runs[0]
	if len(run.Results) != 10 {
		t.Fatalf("%d results; want the limit, 10", len(run.Results))
	}
	// manyFindings cycles severities, so there are 8 critical and 8 high.
	var crit, high int
	for _, res := range run.Results {
		switch res.RuleID {
		case "TEST-SEV-005":
			crit++
		case "TEST-SEV-004":
			high++
		default:
			t.Errorf("kept a %s result while dropping more severe ones", res.RuleID)
		}
		if n := len(res.Locations) + len(res.RelatedLocations); n > 2 {
			t.Errorf("result has %d locations; limit is 2", n)
		}
	}
	if crit != 8 || high != 2 {
		t.Errorf("kept %d critical and %d high; want 8 and 2", crit, high)
	}
	notes := run.Invocations[0].ToolExecutionNotifications
	if len(notes) == 0 || !strings.Contains(notes[len(notes)-1].Message.Text, "30 of 40 results were left out") {
		t.Errorf("no notification about dropped results: %+v", notes)
	}
	for _, rule := range run.Tool.Driver.Rules {
		if len(rule.Properties.Tags) > 3 {
			t.Errorf("rule %s has %d tags; limit is 3", rule.ID, len(rule.Properties.Tags))
		}
	}
}

func TestSARIFURI(t *testing.T) {
	tests := map[string]string{
		"main.tf":             "main.tf",
		"./modules/s3/x.tf":   "modules/s3/x.tf",
		"dir with space/a.tf": "dir%20with%20space/a.tf",
		"c:odd/a.tf":          "./c:odd/a.tf",
		"100%/a.tf":           "100%25/a.tf",
	}
	for in, want := range tests {
		if got := relativeURI(in); got != want {
			t.Errorf("relativeURI(%q) = %q; want %q", in, got, want)
		}
	}
	if got := camelCase("aws-s3-bucket-public-read"); got != "AwsS3BucketPublicRead" {
		t.Errorf("camelCase = %q", got)
	}
}

// manyFindings builds n file-located failures cycling through the five
// severities, each inside a two-level module chain.
func manyFindings(n int) *Report {
	checks := make([]*check.Check, 0, 5)
	for _, sev := range check.Severities() {
		checks = append(checks, &check.Check{
			ID: fmt.Sprintf("TEST-SEV-%03d", sev), Slug: "test-severity-" + strings.ToLower(sev.String()),
			Title: "Test check " + sev.String(), Provider: "aws", Service: "s3", Severity: sev,
			Description: "A test check.", Rationale: "Tests.", Remediation: check.Remediation{Text: "None."},
			Compliance: []check.Control{{Framework: check.FrameworkCISAWS30, ID: "1"}, {Framework: check.FrameworkSOC2, ID: "CC6.1"}},
		})
	}
	calls := []model.Call{
		{Name: "a", Range: model.Range{File: "main.tf", StartLine: 1}},
		{Name: "b", Range: model.Range{File: "modules/a/main.tf", StartLine: 2}},
	}
	r := &Report{Tool: Tool{Name: "vigil", Version: "dev"}, Target: ".", Checks: checks}
	for i := range n {
		r.Findings = append(r.Findings, check.Finding{
			Check:    checks[i%len(checks)],
			Status:   check.Fail,
			Resource: model.Resource{ID: fmt.Sprintf("aws_s3_bucket.b%d", i), Type: "aws_s3_bucket"},
			Origin:   model.Origin{Range: model.Range{File: "modules/b/main.tf", StartLine: i + 1}, Module: calls},
			Message:  "Test finding.",
		})
	}
	return r
}
