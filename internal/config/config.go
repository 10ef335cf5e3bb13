package config

import (
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model"
)

// Config is the typed content of .vigil.yaml. Zero-length lists mean "not
// set"; Default fills in the rest.
type Config struct {
	// Severity is the minimum severity reported.
	Severity check.Severity
	// FailOn is the minimum severity of an unsuppressed failing finding that
	// makes the run exit 1.
	FailOn check.Severity
	// Checks, when not empty, enables only the checks it names.
	Checks []string
	// SkipChecks disables the checks it names. Entries in Checks and
	// SkipChecks are check patterns (see check.Check.Matches).
	SkipChecks []string
	// Frameworks, when not empty, enables only checks mapped to one of these
	// compliance frameworks (check.Framework* keys).
	Frameworks []string
	// Outputs are the report formats to write and where.
	Outputs []Output
	// VarFiles are Terraform variable files, relative to the scan root.
	VarFiles []string
	// Vars are Terraform -var assignments: name to raw value.
	Vars map[string]string
	// Baseline is the path of a baseline file written by `vigil baseline
	// create`; "" for none.
	Baseline string
	// ExcludePaths are path globs (see MatchPath) relative to the config
	// file's directory; matching files are not scanned.
	ExcludePaths []string
	// Ignore lists external suppressions.
	Ignore []Ignore
	// NoColor turns colour off in terminal output.
	NoColor bool
	// Quiet suppresses progress and logs.
	Quiet bool

	// Path is the file the config was loaded from; "" when it was not loaded
	// from a file.
	Path string
}

// Output is one report to write.
type Output struct {
	// Format is one of Formats.
	Format string
	// Path is the file to write; "" means stdout.
	Path string
}

// Ignore is one external suppression: it mutes the failing findings of the
// checks ID names, optionally only in some files or on some resources, the
// way Prowler's mutelist does for resources that have no source line.
type Ignore struct {
	// ID is a check pattern (see check.Check.Matches): our ID or slug, another
	// scanner's equivalent ID, a glob such as "AWS-S3-*", or "*".
	ID string
	// Paths, when not empty, restricts the entry to findings in files matching
	// one of these path globs (see MatchPath), relative to the config file's
	// directory.
	Paths []string
	// Resources, when not empty, restricts the entry to resources whose ID
	// matches one of these globs (see MatchResource).
	Resources []string
	// Reason says why the findings are accepted. It is required.
	Reason string
	// Expires is the last day (UTC) the entry applies; zero for never.
	Expires time.Time
	// Source is where the entry is written: the config file and the line of
	// the entry.
	Source model.Range
}

// Formats lists the report formats a config may name, so a typo is an error
// with its line. The report package owns the renderers and config may not
// import it; a CLI test compares this list with report.Formats().
var Formats = []string{"table", "json", "sarif", "junit", "csv"}

// Default returns the settings used when nothing else says otherwise: report
// every severity, fail on anything above INFO, one table on stdout.
func Default() *Config {
	return &Config{
		Severity: check.Info,
		// INFO checks describe posture rather than a weakness, so they are
		// reported but do not break a build unless asked.
		FailOn:  check.Low,
		Outputs: []Output{{Format: "table"}},
	}
}

// Dir is the directory the config file sits in; "" when it was not loaded
// from a file.
func (c *Config) Dir() string {
	if c.Path == "" {
		return ""
	}
	return filepath.Dir(c.Path)
}

// Base returns the slash path of scanRoot (a directory: for a file target,
// its directory) relative to the config file's
// directory, the prefix that turns a scan-relative file into the
// config-relative path that ExcludePaths and Ignore paths are written
// against. It is "" when they are the same directory, when the config was not
// loaded from a file, or when the config sits outside scanRoot's ancestry (a
// user-wide config): then globs are read relative to the scan root, since
// there is no sensible path from the config to the files.
func (c *Config) Base(scanRoot string) string {
	dir := c.Dir()
	if dir == "" {
		return ""
	}
	absDir, err1 := filepath.Abs(dir)
	absRoot, err2 := filepath.Abs(scanRoot)
	if err1 != nil || err2 != nil {
		return ""
	}
	rel, err := filepath.Rel(absDir, absRoot)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return ""
	}
	if rel == "." {
		return ""
	}
	return filepath.ToSlash(rel)
}

// Excluded reports whether file, a slash path relative to the scan root, is
// excluded by ExcludePaths. base is what Base returned for the scan root.
func (c *Config) Excluded(base, file string) bool {
	p := path.Join(base, file)
	for _, g := range c.ExcludePaths {
		if MatchPath(g, p) {
			return true
		}
	}
	return false
}
