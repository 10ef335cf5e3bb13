package report

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model"
)

// SchemaVersion is the version of the native JSON format. Bump the minor
// version when adding fields and the major version when renaming or removing
// one; docs/output-formats.md records every change.
const SchemaVersion = "1.0.0"

// The json* types are the native JSON schema. They mirror, but never reuse,
// the model and check types: renaming a Go field must not rename an output
// field (TestJSONFieldNames guards this).

type jsonReport struct {
	SchemaVersion string           `json:"schema_version"`
	Tool          jsonTool         `json:"tool"`
	Target        string           `json:"target"`
	StartedAt     string           `json:"started_at"`
	DurationMS    int64            `json:"duration_ms"`
	Summary       jsonSummary      `json:"summary"`
	Results       []jsonResult     `json:"results"`
	Diagnostics   []jsonDiagnostic `json:"diagnostics"`
	Incomplete    bool             `json:"incomplete"`
}

type jsonTool struct {
	Name           string `json:"name"`
	Version        string `json:"version"`
	InformationURI string `json:"information_uri"`
}

type jsonSummary struct {
	Checks     int               `json:"checks"`
	Resources  int               `json:"resources"`
	Files      int               `json:"files"`
	Failed     int               `json:"failed"`
	Passed     int               `json:"passed"`
	Suppressed int               `json:"suppressed"`
	BySeverity jsonSeverityCount `json:"by_severity"`
	Errors     int               `json:"errors"`
	Warnings   int               `json:"warnings"`
}

// jsonSeverityCount is a struct, not a map, so the keys always appear, in a
// fixed order.
type jsonSeverityCount struct {
	Critical int `json:"critical"`
	High     int `json:"high"`
	Medium   int `json:"medium"`
	Low      int `json:"low"`
	Info     int `json:"info"`
}

type jsonResult struct {
	CheckID     string           `json:"check_id"`
	Slug        string           `json:"slug"`
	Title       string           `json:"title"`
	Severity    string           `json:"severity"`
	Status      string           `json:"status"`
	Message     string           `json:"message"`
	Resource    jsonResource     `json:"resource"`
	Location    *jsonLocation    `json:"location,omitempty"`
	Cloud       *jsonCloud       `json:"cloud,omitempty"`
	Fingerprint string           `json:"fingerprint"`
	Suppression *jsonSuppression `json:"suppression,omitempty"`
	Compliance  []jsonControl    `json:"compliance"`
	Equivalents jsonEquivalents  `json:"equivalents"`
	Remediation jsonRemediation  `json:"remediation"`
	References  []string         `json:"references"`
}

type jsonResource struct {
	ID   string `json:"id"`
	Type string `json:"type"`
	Name string `json:"name"`
}

type jsonLocation struct {
	File        string           `json:"file"`
	StartLine   int              `json:"start_line"`
	EndLine     int              `json:"end_line"`
	StartCol    int              `json:"start_col"`
	EndCol      int              `json:"end_col"`
	ModulePath  string           `json:"module_path"`
	ModuleCalls []jsonModuleCall `json:"module_calls"`
}

type jsonModuleCall struct {
	Name string `json:"name"`
	File string `json:"file"`
	Line int    `json:"line"`
}

type jsonCloud struct {
	API string `json:"api"`
	ARN string `json:"arn"`
}

type jsonSuppression struct {
	Kind          string          `json:"kind"`
	Justification string          `json:"justification"`
	Source        *jsonSourceLine `json:"source,omitempty"`
	Expires       string          `json:"expires,omitempty"`
}

type jsonSourceLine struct {
	File string `json:"file"`
	Line int    `json:"line"`
}

type jsonControl struct {
	Framework string `json:"framework"`
	ID        string `json:"id"`
}

type jsonEquivalents struct {
	AVD     []string `json:"avd"`
	Tfsec   []string `json:"tfsec"`
	Checkov []string `json:"checkov"`
}

type jsonRemediation struct {
	Text      string `json:"text"`
	Terraform string `json:"terraform,omitempty"`
}

type jsonDiagnostic struct {
	Severity string `json:"severity"`
	Summary  string `json:"summary"`
	Detail   string `json:"detail,omitempty"`
	File     string `json:"file,omitempty"`
	Line     int    `json:"line,omitempty"`
}

// jsonRenderer writes the versioned JSON schema. Passed results are included
// only when asked, as in the table and CSV: a CI log wants what is wrong.
type jsonRenderer struct{ showPassed bool }

func (j jsonRenderer) Render(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	// Messages quote HCL like "a && b" or "<name>"; keep them readable.
	enc.SetEscapeHTML(false)
	if err := enc.Encode(toJSON(r, j.showPassed)); err != nil {
		return fmt.Errorf("render json: %w", err)
	}
	return nil
}

func toJSON(r *Report, showPassed bool) *jsonReport {
	s := summarize(r)
	out := &jsonReport{
		SchemaVersion: SchemaVersion,
		Tool:          jsonTool{Name: r.Tool.Name, Version: r.Tool.Version, InformationURI: r.Tool.InformationURI},
		Target:        r.Target,
		StartedAt:     r.StartedAt.UTC().Format(time.RFC3339),
		DurationMS:    r.Duration.Milliseconds(),
		Summary: jsonSummary{
			Checks:     len(r.Checks),
			Resources:  s.resources,
			Files:      s.files,
			Failed:     s.failed,
			Passed:     s.passed,
			Suppressed: s.suppressed,
			BySeverity: jsonSeverityCount{
				Critical: s.bySeverity[check.Critical],
				High:     s.bySeverity[check.High],
				Medium:   s.bySeverity[check.Medium],
				Low:      s.bySeverity[check.Low],
				Info:     s.bySeverity[check.Info],
			},
			Errors:   s.errors,
			Warnings: s.warnings,
		},
		Results:     make([]jsonResult, 0, len(r.Findings)),
		Diagnostics: make([]jsonDiagnostic, 0, len(r.Diagnostics)),
		Incomplete:  r.Incomplete,
	}
	// Check metadata is identical for every finding of a check; build it once.
	meta := map[*check.Check]*jsonResult{}
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.Status == check.Pass && !showPassed {
			continue
		}
		m, ok := meta[f.Check]
		if !ok {
			m = checkJSON(f.Check)
			meta[f.Check] = m
		}
		res := *m
		res.Status = f.Status.String()
		res.Message = f.Message
		res.Resource = jsonResource{ID: f.Resource.ID, Type: f.Resource.Type, Name: f.Resource.Name}
		res.Location, res.Cloud = originJSON(f.Origin)
		res.Fingerprint = f.Fingerprint()
		if sp := f.Suppression; sp != nil {
			js := &jsonSuppression{Kind: suppressionKind(sp.Kind), Justification: sp.Justification}
			if sp.Source.File != "" {
				js.Source = &jsonSourceLine{File: sp.Source.File, Line: sp.Source.StartLine}
			}
			if !sp.Expires.IsZero() {
				js.Expires = sp.Expires.UTC().Format(time.RFC3339)
			}
			res.Suppression = js
		}
		out.Results = append(out.Results, res)
	}
	for _, d := range r.Diagnostics {
		out.Diagnostics = append(out.Diagnostics, jsonDiagnostic{
			Severity: d.Severity.String(),
			Summary:  d.Summary,
			Detail:   d.Detail,
			File:     d.Range.File,
			Line:     d.Range.StartLine,
		})
	}
	return out
}

// checkJSON fills the fields of a result that come from its check. Slices
// are never nil, so consumers always see arrays, not null.
func checkJSON(c *check.Check) *jsonResult {
	res := &jsonResult{
		CheckID:     c.ID,
		Slug:        c.Slug,
		Title:       c.Title,
		Severity:    c.Severity.String(),
		Compliance:  make([]jsonControl, 0, len(c.Compliance)),
		Equivalents: jsonEquivalents{AVD: nonNil(c.Equivalents.AVD), Tfsec: nonNil(c.Equivalents.Tfsec), Checkov: nonNil(c.Equivalents.Checkov)},
		Remediation: jsonRemediation{Text: c.Remediation.Text, Terraform: c.Remediation.Terraform},
		References:  nonNil(c.References),
	}
	for _, ctl := range c.Compliance {
		res.Compliance = append(res.Compliance, jsonControl{Framework: ctl.Framework, ID: ctl.ID})
	}
	return res
}

// originJSON splits an origin into a file location or a cloud reference. A
// value can carry both (a plan resource with a known ARN); then both appear.
func originJSON(o model.Origin) (*jsonLocation, *jsonCloud) {
	var loc *jsonLocation
	var cloud *jsonCloud
	if !o.Range.IsZero() {
		loc = &jsonLocation{
			File:        o.Range.File,
			StartLine:   o.Range.StartLine,
			EndLine:     max(o.Range.EndLine, o.Range.StartLine),
			StartCol:    o.Range.StartCol,
			EndCol:      o.Range.EndCol,
			ModulePath:  o.ModulePath(),
			ModuleCalls: make([]jsonModuleCall, 0, len(o.Module)),
		}
		for _, c := range o.Module {
			loc.ModuleCalls = append(loc.ModuleCalls, jsonModuleCall{Name: c.Name, File: c.Range.File, Line: c.Range.StartLine})
		}
	}
	if o.API != "" || o.ARN != "" {
		cloud = &jsonCloud{API: o.API, ARN: o.ARN}
	}
	return loc, cloud
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
