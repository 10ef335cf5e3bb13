package suppress

import (
	"bytes"
	"cmp"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model"
)

// BaselineSchemaVersion is the version of the baseline file format. A change
// that old readers would misread bumps it.
const BaselineSchemaVersion = "1"

// Baseline is a set of accepted failing findings, recorded by `vigil baseline
// create` so that a team adopting Vigil on an existing estate is told only
// about what is new. Findings are keyed by check.Finding.Fingerprint, which
// ignores line numbers: editing a file does not make old findings look new.
type Baseline struct {
	// Path is the file the baseline was loaded from; "" for one built in
	// memory. Suppressions name it so users know where an entry lives.
	Path        string
	CreatedAt   time.Time
	ToolVersion string
	// Entries are sorted by check ID, resource ID, file and fingerprint.
	Entries []BaselineEntry

	byFingerprint map[string]bool
}

// BaselineEntry is one accepted finding. Only the fingerprint is matched; the
// other fields are there for the humans who review the file.
type BaselineEntry struct {
	Fingerprint string `json:"fingerprint"`
	CheckID     string `json:"check_id"`
	ResourceID  string `json:"resource_id"`
	File        string `json:"file,omitempty"`
}

// baselineFile is the JSON form; it is kept apart from Baseline so the file
// format is a deliberate, versioned contract.
type baselineFile struct {
	SchemaVersion string          `json:"schema_version"`
	CreatedAt     time.Time       `json:"created_at"`
	ToolVersion   string          `json:"tool_version"`
	Findings      []BaselineEntry `json:"findings"`
}

// NewBaseline records the failing findings that are not already suppressed.
// Suppressed findings are left out on purpose: they stay governed by their
// own suppression, so its expiry date still bites and removing the comment
// brings the finding back.
func NewBaseline(findings []check.Finding, now time.Time, toolVersion string) *Baseline {
	b := &Baseline{CreatedAt: now.UTC().Truncate(time.Second), ToolVersion: toolVersion}
	seen := map[string]bool{}
	for i := range findings {
		f := &findings[i]
		if f.Status != check.Fail || f.Suppressed() || f.Check == nil {
			continue
		}
		fp := f.Fingerprint()
		if seen[fp] {
			continue // the same resource failing one check at several places
		}
		seen[fp] = true
		b.Entries = append(b.Entries, BaselineEntry{Fingerprint: fp, CheckID: f.Check.ID, ResourceID: f.Resource.ID, File: f.Resource.Origin.Range.File})
	}
	b.index()
	return b
}

func (b *Baseline) index() {
	slices.SortFunc(b.Entries, func(x, y BaselineEntry) int {
		return cmp.Or(
			cmp.Compare(x.CheckID, y.CheckID),
			cmp.Compare(x.ResourceID, y.ResourceID),
			cmp.Compare(x.File, y.File),
			cmp.Compare(x.Fingerprint, y.Fingerprint),
		)
	})
	b.byFingerprint = make(map[string]bool, len(b.Entries))
	for _, e := range b.Entries {
		b.byFingerprint[e.Fingerprint] = true
	}
}

// Has reports whether the baseline accepts the finding with fingerprint fp.
func (b *Baseline) Has(fp string) bool { return b != nil && b.byFingerprint[fp] }

// Write writes the baseline as indented JSON with entries sorted, so that
// regenerating it gives a small, reviewable diff.
func (b *Baseline) Write(w io.Writer) error {
	entries := b.Entries
	if entries == nil {
		entries = []BaselineEntry{} // "findings": [] rather than null
	}
	data, err := json.MarshalIndent(baselineFile{
		SchemaVersion: BaselineSchemaVersion,
		CreatedAt:     b.CreatedAt.UTC(),
		ToolVersion:   b.ToolVersion,
		Findings:      entries,
	}, "", "  ")
	if err != nil {
		return fmt.Errorf("write baseline: %w", err)
	}
	data = append(data, '\n')
	if _, err := w.Write(data); err != nil {
		return fmt.Errorf("write baseline: %w", err)
	}
	return nil
}

// LoadBaseline reads a baseline file. Any problem, from a missing file to an
// entry without a fingerprint, is an error naming the path: a baseline that
// is silently half-read would let accepted findings fail a build, or worse,
// hide new ones.
func LoadBaseline(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load baseline: %w", err)
	}
	b, err := parseBaseline(data)
	if err != nil {
		return nil, fmt.Errorf("load baseline %s: %w", path, err)
	}
	b.Path = path
	return b, nil
}

func parseBaseline(data []byte) (*Baseline, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	// Unknown fields are rejected: the schema is versioned, so a field we do
	// not know means a file from a newer Vigil or a hand edit gone wrong.
	dec.DisallowUnknownFields()
	var f baselineFile
	if err := dec.Decode(&f); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, errors.New("trailing data after the baseline object")
	}
	switch f.SchemaVersion {
	case BaselineSchemaVersion:
	case "":
		return nil, errors.New("missing schema_version")
	default:
		return nil, fmt.Errorf("unsupported schema_version %q; this Vigil reads %q", f.SchemaVersion, BaselineSchemaVersion)
	}
	for i, e := range f.Findings {
		if _, err := hex.DecodeString(e.Fingerprint); err != nil || len(e.Fingerprint) != 32 {
			return nil, fmt.Errorf("findings[%d]: fingerprint %q is not 32 hex digits", i, e.Fingerprint)
		}
	}
	b := &Baseline{CreatedAt: f.CreatedAt, ToolVersion: f.ToolVersion, Entries: f.Findings}
	b.index()
	return b, nil
}

// Apply mutes the failing, not yet suppressed findings the baseline records.
// Call it after Apply, on findings whose paths are as the baseline was made
// (paths as shown to the user), so comments and config entries, which carry
// more specific reasons, win.
func (b *Baseline) Apply(findings []check.Finding) {
	justification := "in baseline"
	if b.Path != "" {
		justification += " " + b.Path
	}
	for i := range findings {
		f := &findings[i]
		if f.Status != check.Fail || f.Suppression != nil || f.Check == nil || !b.Has(f.Fingerprint()) {
			continue
		}
		f.Suppression = &check.Suppression{Kind: check.External, Justification: justification, Source: model.Range{File: b.Path}}
	}
}
