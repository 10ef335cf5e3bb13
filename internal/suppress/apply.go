package suppress

import (
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/config"
	"github.com/vigil-sec/vigil/internal/model"
)

// Options are the inputs of Apply besides the findings.
type Options struct {
	// Files lists every file the scan read (terraform.Result.Files and the
	// like), slash paths as in finding origins. Files holding findings are
	// read whether listed or not; the others are read so that suppressions in
	// files that no longer have findings are reported as unused.
	Files []string
	// Checks are the checks that ran. Unused-suppression warnings are given
	// only for suppressions naming one of them, so a scan narrowed to a few
	// checks does not call every other suppression unused. nil means every
	// check in the registry ran.
	Checks []*check.Check
	// Ignores are external suppressions from the config file.
	Ignores []config.Ignore
	// IgnoreBase is the scan root relative to the directory that Ignores'
	// paths are written against (config.Config.Base).
	IgnoreBase string
}

// Apply mutes findings, setting f.Suppression on failing findings in place,
// and returns warnings about the suppressions themselves, sorted: malformed
// comments, unknown check names, missing reasons, expired and unused
// suppressions. Passing findings are never muted: a suppression that only
// meets passing findings is stale and is reported as unused.
//
// Two sources are applied in order, and the first to match a finding wins:
//
//  1. inline comments in the scanned files, read through fsys (check.InSource);
//  2. opts.Ignores from the config file (check.External).
//
// A baseline is applied afterwards with (*Baseline).Apply, once paths read as
// the user sees them, as the baseline recorded them.
//
// Inline comments come first because they carry the most specific reason.
//
// Call it with every finding of the checks that ran, before filtering by
// severity for display: a suppression of a finding filtered out earlier
// would look unused. A suppression with an expiry date applies through that
// day (UTC); from the next day, now on, it no longer applies and is reported
// as expired.
//
// Inline syntax (comment tokens #, // and /* */; check keys are
// case-insensitive):
//
//	# vigil:ignore:AWS-S3-001 reason            our ID or slug; several with ","; "*" for all
//	# vigil:ignore:AWS-S3-001:exp:2026-12-31 reason
//	#tfsec:ignore:aws-s3-enable-versioning[:exp:2026-12-31]
//	#trivy:ignore:AVD-AWS-0090[from_port=3306][:exp:2026-12-31]
//	#checkov:skip=CKV_AWS_21:reason             anywhere inside the resource block
//
// Other scanners' IDs are resolved through reg.Match. A comment on the line
// above a block, or at the end of a block's first line, applies to every
// finding of the resource the block defines, to every finding inside a
// module the block calls, and to findings located inside the block; on the
// line above an attribute or at the end of its line, to findings located
// there. Comment lines may sit in between; a blank line may not.
func Apply(fsys fs.FS, findings []check.Finding, reg *check.Registry, now time.Time, opts Options) model.Diagnostics {
	a := &applier{
		findings: findings,
		reg:      reg,
		now:      now,
		byFile:   map[string][]int{},
	}
	if opts.Checks != nil {
		a.ran = map[*check.Check]bool{}
		for _, c := range opts.Checks {
			a.ran[c] = true
		}
	}
	files := slices.Clone(opts.Files)
	for i := range findings {
		f := &findings[i]
		if f.Check == nil {
			continue
		}
		for _, file := range findingFiles(f) {
			// Files with only passing findings are read too: a suppression
			// there is stale and the user should hear about it.
			files = append(files, file)
			if f.Status == check.Fail {
				a.byFile[file] = append(a.byFile[file], i)
			}
		}
	}
	for i, f := range files {
		files[i] = strings.TrimPrefix(path.Clean(f), "./")
	}
	slices.Sort(files)
	for _, file := range slices.Compact(files) {
		if fs.ValidPath(file) && file != "." {
			a.file(fsys, file)
		}
	}
	for _, ig := range opts.Ignores {
		a.ignore(ig, opts.IgnoreBase)
	}
	return a.diags.Sort()
}

// findingFiles lists the files a suppression for f may sit in: where the
// offending value is, where its resource is defined, and every module call
// on the way to either.
func findingFiles(f *check.Finding) []string {
	var out []string
	add := func(r model.Range) {
		if r.File != "" && !slices.Contains(out, r.File) {
			out = append(out, r.File)
		}
	}
	add(f.Origin.Range)
	add(f.Resource.Origin.Range)
	for _, c := range f.Origin.Module {
		add(c.Range)
	}
	for _, c := range f.Resource.Origin.Module {
		add(c.Range)
	}
	return out
}

type applier struct {
	findings []check.Finding
	reg      *check.Registry
	now      time.Time
	ran      map[*check.Check]bool // nil: every check ran
	// byFile indexes failing findings by every file in findingFiles.
	byFile map[string][]int
	diags  model.Diagnostics
}

// file applies the directives in one file. It reads the file once and skips
// it unless a directive keyword occurs in it at all.
func (a *applier) file(fsys fs.FS, name string) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		a.diags.Warnf(model.Range{File: name}, "read %s for suppressions: %v", name, err)
		return
	}
	if !mayHoldDirective(data) {
		return
	}
	sc := scanFile(name, data)
	for _, c := range sc.comments {
		ds, errs := parseComment(c.text)
		for _, e := range errs {
			a.diags = append(a.diags, model.Diagnostic{
				Severity: model.DiagWarning,
				Summary:  "malformed suppression comment",
				Detail:   e.msg,
				Range:    model.Range{File: name, StartLine: c.line, StartCol: c.col + e.start, EndLine: c.line, EndCol: c.col + e.end},
			})
		}
		for _, d := range ds {
			a.directive(name, sc, c, d)
		}
	}
}

// relevant reports whether an unused-suppression warning for checks makes
// sense: at least one of them ran.
func (a *applier) relevant(checks []*check.Check) bool {
	if a.ran == nil {
		return len(checks) > 0
	}
	return slices.ContainsFunc(checks, func(c *check.Check) bool { return a.ran[c] })
}

// expired reports whether a suppression expiring on the day exp (UTC) has
// lapsed: it applies through that whole day.
func (a *applier) expired(exp time.Time) bool {
	return !exp.IsZero() && !a.now.Before(exp.AddDate(0, 0, 1))
}

func (a *applier) directive(file string, sc *scanned, c comment, d directive) {
	rng := model.Range{File: file, StartLine: c.line, StartCol: c.col + d.start, EndLine: c.line, EndCol: c.col + d.end}
	keys := make([][]*check.Check, len(d.keys))
	known := 0
	for i, k := range d.keys {
		keys[i] = a.reg.Match(k)
		if len(keys[i]) == 0 {
			// Another scanner's ID that Vigil has no equivalent for is that
			// scanner's business: users migrating keep such comments.
			if d.tool == toolVigil {
				a.diags.Warnf(rng, "suppression names unknown check %s", k)
			}
			continue
		}
		known++
	}
	if known == 0 {
		return
	}
	if d.tool == toolVigil && d.reason == "" {
		a.diags = append(a.diags, model.Diagnostic{
			Severity: model.DiagWarning,
			Summary:  "suppression without a reason",
			Detail:   "write why after the check, e.g. \"# " + d.text + " bucket serves the public website\"",
			Range:    rng,
		})
	}
	if a.expired(d.expires) {
		a.diags = append(a.diags, model.Diagnostic{
			Severity: model.DiagWarning,
			Summary:  "suppression expired on " + d.expires.Format(dateLayout),
			Detail:   d.text + " no longer applies; fix the finding or renew the date",
			Range:    rng,
		})
		return
	}
	applies := a.placement(file, sc, c.line, d.tool)
	justification := d.reason
	if justification == "" {
		justification = d.text
	}
	used := make([]bool, len(keys))
	for _, i := range a.byFile[file] {
		f := &a.findings[i]
		if !applies(f) {
			continue
		}
		for k, checks := range keys {
			if !slices.Contains(checks, f.Check) {
				continue
			}
			used[k] = true
			if f.Suppression == nil {
				f.Suppression = &check.Suppression{Kind: check.InSource, Justification: justification, Source: rng, Expires: d.expires}
			}
		}
	}
	for k, checks := range keys {
		if !used[k] && a.relevant(checks) {
			detail := d.text + " matched no failing finding"
			if len(keys) > 1 {
				detail = d.keys[k] + " in " + detail
			}
			a.diags = append(a.diags, model.Diagnostic{Severity: model.DiagWarning, Summary: "unused suppression", Detail: detail, Range: rng})
		}
	}
}

// placement returns which findings a directive in a comment on line covers.
func (a *applier) placement(file string, sc *scanned, line int, t tool) func(*check.Finding) bool {
	calls := func(f *check.Finding, match func(model.Range) bool) bool {
		for _, c := range f.Resource.Origin.Module {
			if match(c.Range) {
				return true
			}
		}
		for _, c := range f.Origin.Module {
			if match(c.Range) {
				return true
			}
		}
		return false
	}
	if t == toolCheckov {
		// Checkov's skip sits anywhere inside the resource block (or module
		// call) it mutes.
		inside := func(r model.Range) bool {
			return r.File == file && r.StartLine <= line && line <= max(r.EndLine, r.StartLine)
		}
		return func(f *check.Finding) bool {
			return inside(f.Resource.Origin.Range) || calls(f, inside)
		}
	}
	target := sc.target(line)
	if target == 0 {
		return func(*check.Finding) bool { return false }
	}
	end := max(sc.blockEnd[target], target)
	startsAt := func(r model.Range) bool { return r.File == file && r.StartLine == target }
	return func(f *check.Finding) bool {
		if startsAt(f.Resource.Origin.Range) || calls(f, startsAt) {
			return true
		}
		o := f.Origin.Range
		return o.File == file && target <= o.StartLine && o.StartLine <= end
	}
}

// ignore applies one config-file suppression.
func (a *applier) ignore(ig config.Ignore, base string) {
	var checks []*check.Check
	for _, c := range a.reg.All() {
		if c.Matches(ig.ID) {
			checks = append(checks, c)
		}
	}
	if len(checks) == 0 {
		a.diags.Warnf(ig.Source, "suppression names unknown check %s", ig.ID)
		return
	}
	if a.expired(ig.Expires) {
		a.diags = append(a.diags, model.Diagnostic{
			Severity: model.DiagWarning,
			Summary:  "suppression expired on " + ig.Expires.Format(dateLayout),
			Detail:   "ignore entry for " + ig.ID + " no longer applies; fix the finding or renew the date",
			Range:    ig.Source,
		})
		return
	}
	used := false
	for i := range a.findings {
		f := &a.findings[i]
		if f.Status != check.Fail || !slices.Contains(checks, f.Check) || !ignoreCovers(ig, base, f) {
			continue
		}
		used = true
		if f.Suppression == nil {
			f.Suppression = &check.Suppression{Kind: check.External, Justification: ig.Reason, Source: ig.Source, Expires: ig.Expires}
		}
	}
	if !used && a.relevant(checks) {
		a.diags = append(a.diags, model.Diagnostic{Severity: model.DiagWarning, Summary: "unused suppression", Detail: "ignore entry for " + ig.ID + " matched no failing finding", Range: ig.Source})
	}
}

// ignoreCovers reports whether f is in the files and resources ig is
// restricted to. A path glob may name the file of the offending value or of
// the resource, which differ when a resource is split over several blocks.
func ignoreCovers(ig config.Ignore, base string, f *check.Finding) bool {
	if len(ig.Paths) > 0 {
		ok := false
		for _, file := range []string{f.Origin.Range.File, f.Resource.Origin.Range.File} {
			if file == "" {
				continue
			}
			p := path.Join(base, file)
			for _, g := range ig.Paths {
				if config.MatchPath(g, p) {
					ok = true
				}
			}
		}
		if !ok {
			return false
		}
	}
	if len(ig.Resources) > 0 {
		return slices.ContainsFunc(ig.Resources, func(g string) bool { return config.MatchResource(g, f.Resource.ID) })
	}
	return true
}
