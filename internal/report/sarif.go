package report

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path"
	"strings"
	"time"
	"unicode"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model"
)

const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	// srcRoot is the uriBaseId of every file location: paths are relative to
	// the scan root, which only the consumer knows as an absolute URI.
	srcRoot = "%SRCROOT%"
	// fingerprintKey versions the partial fingerprint. Changing how
	// Finding.Fingerprint is computed needs a new key, or GitHub would close
	// every alert and open it again.
	fingerprintKey = "vigil/v1"
)

// sarifLimits are the GitHub code scanning upload limits we enforce, so an
// upload is trimmed predictably by us instead of rejected by GitHub.
type sarifLimits struct {
	results   int // per run
	locations int // per result, primary and related together
	tags      int // per rule
}

var githubLimits = sarifLimits{results: 25_000, locations: 1_000, tags: 20}

// securitySeverity is the CVSS-like score GitHub uses to rank alerts
// (>= 9.0 critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low). It must be
// a string in the SARIF.
var securitySeverity = map[check.Severity]string{
	check.Critical: "9.5",
	check.High:     "8.0",
	check.Medium:   "5.5",
	check.Low:      "3.0",
	check.Info:     "0.0",
}

// The sarif* types are the subset of SARIF 2.1.0 that Vigil writes.

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                        `json:"tool"`
	Invocations        []sarifInvocation                `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds"`
	AutomationDetails  sarifAutomation                  `json:"automationDetails"`
	ColumnKind         string                           `json:"columnKind"`
	Results            []sarifResult                    `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string      `json:"name"`
	Version         string      `json:"version,omitempty"`
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	InformationURI  string      `json:"informationUri,omitempty"`
	Rules           []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name"`
	ShortDescription     sarifText          `json:"shortDescription"`
	FullDescription      sarifText          `json:"fullDescription"`
	Help                 sarifMultiformat   `json:"help"`
	HelpURI              string             `json:"helpUri,omitempty"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	Properties           sarifRuleProps     `json:"properties"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifMultiformat struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags             []string `json:"tags"`
	Precision        string   `json:"precision"`
	SecuritySeverity string   `json:"security-severity"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	StartTimeUTC               string              `json:"startTimeUtc,omitempty"`
	EndTimeUTC                 string              `json:"endTimeUtc,omitempty"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifAutomation struct {
	ID string `json:"id"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations"`
	RelatedLocations    []sarifLocation    `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string  `json:"partialFingerprints"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
}

type sarifLocation struct {
	ID               int                   `json:"id,omitempty"`
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          *sarifText            `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI         string     `json:"uri,omitempty"`
	URIBaseID   string     `json:"uriBaseId,omitempty"`
	Description *sarifText `json:"description,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

type sarifSuppression struct {
	Kind          string         `json:"kind"`
	Status        string         `json:"status"`
	Justification string         `json:"justification,omitempty"`
	Location      *sarifLocation `json:"location,omitempty"`
}

type sarifRenderer struct{}

func (sarifRenderer) Render(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(toSARIF(r, githubLimits)); err != nil {
		return fmt.Errorf("render sarif: %w", err)
	}
	return nil
}

func toSARIF(r *Report, lim sarifLimits) *sarifLog {
	rules, ruleIndex := sarifRules(r, lim)

	inv := sarifInvocation{ExecutionSuccessful: true}
	if !r.StartedAt.IsZero() {
		inv.StartTimeUTC = r.StartedAt.UTC().Format(time.RFC3339Nano)
		inv.EndTimeUTC = r.StartedAt.Add(r.Duration).UTC().Format(time.RFC3339Nano)
	}
	// Input problems become tool notifications: GitHub shows them on the
	// tool status page, so a half-parsed repository does not look clean.
	for _, d := range r.Diagnostics {
		n := sarifNotification{Level: "warning", Message: sarifText{Text: d.Summary}}
		if d.Severity == model.DiagError {
			n.Level = "error"
		}
		if d.Detail != "" {
			n.Message.Text += ": " + d.Detail
		}
		if loc, ok := sarifFileLocation(d.Range); ok {
			n.Locations = []sarifLocation{loc}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}

	// Only failures with a file location belong in code scanning: a live
	// cloud finding has no line to annotate (OCSF/ASFF carry those).
	var eligible []*check.Finding
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.Status == check.Fail && f.Origin.Range.File != "" {
			eligible = append(eligible, f)
		}
	}
	kept := keepMostSevere(eligible, lim.results)
	if dropped := len(eligible) - len(kept); dropped > 0 {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
			Level: "warning",
			Message: sarifText{Text: fmt.Sprintf(
				"%d of %d results were left out: GitHub code scanning accepts at most %d results per run, so only the most severe are included. Use the json format for the full list.",
				dropped, len(eligible), lim.results)},
		})
	}

	results := make([]sarifResult, 0, len(kept))
	for _, f := range kept {
		results = append(results, sarifResultFor(f, ruleIndex[f.Check.ID], lim))
	}

	return &sarifLog{
		Schema:  sarifSchema,
		Version: sarifVersion,
		Runs: []sarifRun{{
			Tool: sarifTool{Driver: sarifDriver{
				Name:            r.Tool.Name,
				Version:         r.Tool.Version,
				SemanticVersion: semver(r.Tool.Version),
				InformationURI:  absoluteURI(r.Tool.InformationURI),
				Rules:           rules,
			}},
			Invocations: []sarifInvocation{inv},
			OriginalURIBaseIDs: map[string]sarifArtifactLocation{
				srcRoot: {Description: &sarifText{Text: "The directory Vigil ran in (usually the repository root): file paths are relative to it."}},
			},
			// The category: GitHub keeps one set of alerts per category,
			// so scans of different targets in one repository coexist.
			AutomationDetails: sarifAutomation{ID: r.Tool.Name + "/" + r.Target + "/"},
			// Parsers count columns in characters, not UTF-16 code units.
			ColumnKind: "unicodeCodePoints",
			Results:    results,
		}},
	}
}

// sarifRules describes every check that ran, plus any check a finding names
// that the caller forgot to list, so every ruleIndex resolves.
func sarifRules(r *Report, lim sarifLimits) ([]sarifRule, map[string]int) {
	index := map[string]int{}
	var rules []sarifRule
	add := func(c *check.Check) {
		if _, ok := index[c.ID]; ok {
			return
		}
		index[c.ID] = len(rules)
		rules = append(rules, sarifRuleFor(c, lim))
	}
	for _, c := range r.Checks {
		add(c)
	}
	for i := range r.Findings {
		add(r.Findings[i].Check)
	}
	if rules == nil {
		rules = []sarifRule{}
	}
	return rules, index
}

func sarifRuleFor(c *check.Check, lim sarifLimits) sarifRule {
	tags := []string{"security"}
	seen := map[string]bool{"security": true}
	addTag := func(t string) {
		if t != "" && !seen[t] && len(tags) < lim.tags {
			seen[t] = true
			tags = append(tags, t)
		}
	}
	addTag(c.Provider)
	addTag(c.Service)
	for _, ctl := range c.Compliance {
		addTag(ctl.Framework)
	}

	full := c.Description
	if c.Rationale != "" {
		full = strings.TrimSpace(full + " " + c.Rationale)
	}
	var helpURI string
	if len(c.References) > 0 {
		helpURI = absoluteURI(c.References[0])
	}
	return sarifRule{
		ID:                   c.ID,
		Name:                 camelCase(c.Slug),
		ShortDescription:     sarifText{Text: c.Title},
		FullDescription:      sarifText{Text: nonEmpty(full, c.Title)},
		Help:                 sarifMultiformat{Text: helpText(c), Markdown: helpMarkdown(c)},
		HelpURI:              helpURI,
		DefaultConfiguration: sarifConfiguration{Level: sarifLevel(c.Severity)},
		Properties: sarifRuleProps{
			Tags:             tags,
			Precision:        "high",
			SecuritySeverity: securitySeverity[c.Severity],
		},
	}
}

func sarifResultFor(f *check.Finding, ruleIndex int, lim sarifLimits) sarifResult {
	primary, _ := sarifFileLocation(f.Origin.Range)
	res := sarifResult{
		RuleID:              f.Check.ID,
		RuleIndex:           ruleIndex,
		Level:               sarifLevel(f.Check.Severity),
		Message:             sarifText{Text: nonEmpty(f.Message, f.Check.Title)},
		Locations:           []sarifLocation{primary},
		PartialFingerprints: map[string]string{fingerprintKey: f.Fingerprint()},
	}
	// Module call sites lead from the root module to the offending value, so
	// a reviewer can see which instantiation is affected.
	for i, c := range f.Origin.Module {
		if 1+len(res.RelatedLocations) >= lim.locations {
			break
		}
		loc, ok := sarifFileLocation(c.Range)
		if !ok {
			continue
		}
		loc.ID = len(res.RelatedLocations) + 1
		chain := model.Origin{Module: f.Origin.Module[:i+1]}.ModulePath()
		loc.Message = &sarifText{Text: chain + " is called here"}
		res.RelatedLocations = append(res.RelatedLocations, loc)
	}
	if sp := f.Suppression; sp != nil {
		s := sarifSuppression{Kind: "external", Status: "accepted", Justification: sp.Justification}
		if sp.Kind == check.InSource {
			s.Kind = "inSource"
		}
		if loc, ok := sarifFileLocation(sp.Source); ok {
			s.Location = &loc
		}
		res.Suppressions = []sarifSuppression{s}
	}
	return res
}

// sarifFileLocation turns a range into a physical location; ok is false when
// the range names no file.
func sarifFileLocation(rg model.Range) (sarifLocation, bool) {
	if rg.File == "" {
		return sarifLocation{}, false
	}
	art := sarifArtifactLocation{URI: relativeURI(rg.File), URIBaseID: srcRoot}
	if path.IsAbs(rg.File) {
		art = sarifArtifactLocation{URI: (&url.URL{Scheme: "file", Path: rg.File}).String()}
	}
	// GitHub needs a line to show an alert; a whole-file finding (a
	// Dockerfile without USER, say) points at line 1.
	reg := &sarifRegion{StartLine: max(rg.StartLine, 1)}
	if rg.EndLine > reg.StartLine {
		reg.EndLine = rg.EndLine
	}
	if rg.StartLine > 0 {
		reg.StartColumn = rg.StartCol
		if rg.EndLine >= rg.StartLine {
			reg.EndColumn = rg.EndCol
		}
	}
	return sarifLocation{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: art, Region: reg}}, true
}

// relativeURI percent-encodes a slash-separated relative path as a URI
// reference ("my dir/a.tf" → "my%20dir/a.tf").
func relativeURI(p string) string {
	p = strings.TrimPrefix(path.Clean(p), "./")
	return (&url.URL{Path: p}).String()
}

// keepMostSevere returns at most limit findings, preferring higher
// severities and keeping the input order among those kept.
func keepMostSevere(fs []*check.Finding, limit int) []*check.Finding {
	if len(fs) <= limit {
		return fs
	}
	var count [check.Critical + 1]int
	for _, f := range fs {
		count[min(f.Check.Severity, check.Critical)]++
	}
	// Take whole severities from the top while they fit, then part of the
	// next one, in input order.
	var quota [check.Critical + 1]int
	left := limit
	for _, sev := range severitiesDesc {
		quota[sev] = min(count[sev], left)
		left -= quota[sev]
	}
	kept := make([]*check.Finding, 0, limit)
	for _, f := range fs {
		sev := min(f.Check.Severity, check.Critical)
		if quota[sev] > 0 {
			quota[sev]--
			kept = append(kept, f)
		}
	}
	return kept
}

func sarifLevel(s check.Severity) string {
	switch {
	case s >= check.High:
		return "error"
	case s == check.Medium:
		return "warning"
	default:
		return "note"
	}
}

func helpText(c *check.Check) string {
	var b strings.Builder
	b.WriteString(c.Description)
	if c.Rationale != "" {
		b.WriteString("\n\n" + c.Rationale)
	}
	if c.Remediation.Text != "" {
		b.WriteString("\n\nRemediation: " + c.Remediation.Text)
	}
	if c.Remediation.Terraform != "" {
		b.WriteString("\n\n" + c.Remediation.Terraform)
	}
	for i, ref := range c.References {
		if i == 0 {
			b.WriteString("\n\nReferences:")
		}
		b.WriteString("\n- " + ref)
	}
	return strings.TrimSpace(nonEmpty(b.String(), c.Title))
}

func helpMarkdown(c *check.Check) string {
	var b strings.Builder
	b.WriteString("**" + c.ID + ": " + c.Title + "**\n\n")
	b.WriteString(c.Description)
	if c.Rationale != "" {
		b.WriteString("\n\n### Why it matters\n\n" + c.Rationale)
	}
	if c.Remediation.Text != "" || c.Remediation.Terraform != "" {
		b.WriteString("\n\n### Remediation\n\n" + c.Remediation.Text)
		if c.Remediation.Terraform != "" {
			b.WriteString("\n\n```hcl\n" + strings.TrimRight(c.Remediation.Terraform, "\n") + "\n```")
		}
	}
	if len(c.References) > 0 {
		b.WriteString("\n\n### References\n")
		for _, ref := range c.References {
			b.WriteString("\n- " + ref)
		}
	}
	if len(c.Compliance) > 0 {
		b.WriteString("\n\n### Compliance\n\n| Framework | Control |\n| --- | --- |")
		for _, ctl := range c.Compliance {
			b.WriteString("\n| " + frameworkName(ctl.Framework) + " | " + ctl.ID + " |")
		}
	}
	return b.String()
}

func frameworkName(key string) string {
	for _, f := range check.Frameworks {
		if f.Key == key {
			return f.Name
		}
	}
	return key
}

// camelCase turns a slug into the rule name GitHub shows:
// "aws-s3-bucket-public-read" → "AwsS3BucketPublicRead".
func camelCase(slug string) string {
	var b strings.Builder
	for part := range strings.SplitSeq(slug, "-") {
		if part == "" {
			continue
		}
		r := []rune(part)
		r[0] = unicode.ToUpper(r[0])
		b.WriteString(string(r))
	}
	return b.String()
}

// semver strips the "v" Go versions carry ("v1.2.3" → "1.2.3"); a version
// that does not start with a digit ("dev") is not semantic and is left out.
func semver(v string) string {
	v = strings.TrimPrefix(v, "v")
	if v == "" || v[0] < '0' || v[0] > '9' {
		return ""
	}
	return v
}

// absoluteURI returns u when it is an absolute URI, as SARIF's "uri" fields
// require, and "" otherwise.
func absoluteURI(u string) string {
	p, err := url.Parse(u)
	if err != nil || !p.IsAbs() {
		return ""
	}
	return u
}

func nonEmpty(s, fallback string) string {
	if strings.TrimSpace(s) == "" {
		return fallback
	}
	return s
}
