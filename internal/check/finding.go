package check

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"time"

	"github.com/vigil-sec/vigil/internal/model"
)

// Status is the outcome of a check on one resource.
type Status uint8

const (
	// Fail means the resource breaks the rule.
	Fail Status = iota + 1
	// Pass means the resource was judged and keeps the rule.
	Pass
)

func (s Status) String() string {
	if s == Pass {
		return "PASS"
	}
	return "FAIL"
}

// Finding is one check's verdict on one resource.
type Finding struct {
	Check    *Check
	Status   Status
	Resource model.Resource
	// Origin is where the offending value is (or would be set): the place to
	// fix. For passes it is the resource's origin.
	Origin  model.Origin
	Message string
	// Suppression is set when a comment, config entry or baseline mutes the
	// finding; muted findings are still reported as such.
	Suppression *Suppression
}

// Suppressed reports whether the finding is muted.
func (f *Finding) Suppressed() bool { return f.Suppression != nil }

// SuppressionKind says what muted a finding.
type SuppressionKind uint8

const (
	// InSource is an inline comment in the scanned files.
	InSource SuppressionKind = iota + 1
	// External is a config file entry or a baseline.
	External
)

// Suppression records why a finding is muted.
type Suppression struct {
	Kind          SuppressionKind
	Justification string
	// Source is where the suppression was written: a comment's range, or a
	// config or baseline file.
	Source  model.Range
	Expires time.Time // zero when it never expires
}

// SortFindings orders findings deterministically: by file, line, check ID,
// resource ID, then message.
func SortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Origin.Range.File, b.Origin.Range.File),
			cmp.Compare(a.Origin.Range.StartLine, b.Origin.Range.StartLine),
			cmp.Compare(a.Check.ID, b.Check.ID),
			cmp.Compare(a.Resource.ID, b.Resource.ID),
			cmp.Compare(a.Status, b.Status),
			cmp.Compare(a.Message, b.Message),
			compareOrigin(a.Origin, b.Origin),
		)
	})
}

// compareOrigin orders origins field by field; sorting is hot enough on
// large scans that formatting origins to compare them showed in profiles.
func compareOrigin(a, b model.Origin) int {
	return cmp.Or(
		cmp.Compare(a.Range.StartCol, b.Range.StartCol),
		cmp.Compare(a.Range.EndLine, b.Range.EndLine),
		cmp.Compare(a.Range.EndCol, b.Range.EndCol),
		cmp.Compare(a.API, b.API),
		cmp.Compare(a.ARN, b.ARN),
		cmp.Compare(a.ModulePath(), b.ModulePath()),
	)
}

// Reporter collects one check's verdicts.
type Reporter struct {
	check    *Check
	findings []Finding
}

// Fail records that res breaks the rule because of the value at. A resource
// that may not exist (model.Resource.Conditional) is not judged at all, pass
// or fail: that would be a verdict on something the scanner could not
// resolve.
func (r *Reporter) Fail(res model.Resource, at model.Origin, format string, args ...any) {
	if res.Conditional {
		return
	}
	if at.IsZero() {
		at = res.Origin
	}
	r.findings = append(r.findings, Finding{Check: r.check, Status: Fail, Resource: res, Origin: at, Message: fmt.Sprintf(format, args...)})
}

// Pass records that res was judged and keeps the rule.
func (r *Reporter) Pass(res model.Resource) {
	if res.Conditional {
		return
	}
	r.findings = append(r.findings, Finding{Check: r.check, Status: Pass, Resource: res, Origin: res.Origin})
}

// Judge fails res when v is known to be bad and passes it when v is known to
// be anything else; an unknown v is not judged, so a check never speaks about
// a setting the scanner could not resolve. The failure points at v's origin,
// or at the resource's when v has none; format and args make its message.
func (r *Reporter) Judge(res model.Resource, v model.Bool, bad bool, format string, args ...any) {
	switch {
	case v.Is(bad):
		r.Fail(res, v.Origin, format, args...)
	case v.Known():
		r.Pass(res)
	}
}

// Fingerprint identifies the finding across runs: the check, the resource and
// the file it is defined in, but not the line, so edits elsewhere in a file do
// not make an old finding look new. Baselines and SARIF partialFingerprints
// use it.
func (f *Finding) Fingerprint() string {
	h := sha256.Sum256([]byte(f.Check.ID + "\x00" + f.Resource.ID + "\x00" + f.Resource.Origin.Range.File + "\x00" + f.Resource.Origin.ModulePath()))
	return hex.EncodeToString(h[:16])
}
