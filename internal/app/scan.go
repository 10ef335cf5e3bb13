package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws"
	"github.com/vigil-sec/vigil/internal/source/awsiam"
	"github.com/vigil-sec/vigil/internal/source/terraform"
	"github.com/vigil-sec/vigil/internal/source/tfaws"
	"github.com/vigil-sec/vigil/internal/source/tfplan"
	"github.com/vigil-sec/vigil/internal/source/tfres"
	"github.com/vigil-sec/vigil/internal/suppress"
)

// ErrNoTarget means the scan target does not exist.
var ErrNoTarget = errors.New("no such scan target")

// ScanOptions configure a scan.
type ScanOptions struct {
	// Target is a directory, a Terraform file (its directory is scanned), a
	// `terraform show -json` plan file, or a live IAM snapshot (`aws iam
	// get-account-authorization-details`, JSON or gzip).
	Target    string
	Terraform terraform.Options
	// Checks are the checks to run (see Select).
	Checks []*check.Check
	// Registry resolves suppression comments that name checks not selected
	// or name other scanners' IDs.
	Registry *check.Registry
	// Suppress applies suppressions; nil applies none.
	Suppress Suppressor
	// Baseline mutes the findings it records; nil mutes none.
	Baseline *suppress.Baseline
	// Exclude hides files and directories (slash paths relative to the
	// target directory) from every source; nil excludes nothing.
	Exclude func(path string) bool
	Now     func() time.Time
	// Progress receives stage events; nil ignores them.
	Progress func(Event)
	Logger   *slog.Logger
}

// Suppressor mutes findings (inline comments, config ignores, baselines) and
// returns warnings about suppressions. files are the scanned files, relative
// to fsys's root.
type Suppressor func(fsys fs.FS, files []string, findings []check.Finding) model.Diagnostics

// Event reports a stage starting or ending.
type Event struct {
	Stage string
	Done  bool
	// Elapsed is the stage's duration when Done.
	Elapsed time.Duration
}

// Stage records one stage's name and duration.
type Stage struct {
	Name     string
	Duration time.Duration
}

// ScanResult is what a scan found.
type ScanResult struct {
	Findings    []check.Finding
	Diagnostics model.Diagnostics
	Checks      []*check.Check
	// Files are the files read, as shown in findings.
	Files     []string
	Resources int
	Stages    []Stage
	StartedAt time.Time
	Duration  time.Duration
}

// Incomplete reports whether some input could not be scanned.
func (r *ScanResult) Incomplete() bool { return r.Diagnostics.HasErrors() }

// Scan runs the scan pipeline: load → adapt → check → suppress → relocate →
// baseline. The baseline comes last because it records paths as users see
// them, which relocate produces.
func Scan(ctx context.Context, opts ScanOptions) (*ScanResult, error) {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	p := &pipeline{opts: opts, now: now, res: &ScanResult{Checks: opts.Checks, StartedAt: now()}}
	t, err := openTarget(opts.Target)
	if err != nil {
		return nil, err
	}
	if opts.Exclude != nil {
		t.fsys = excludeFS{FS: t.fsys, excluded: opts.Exclude}
	}
	var resources []*tfres.Resource
	var roots []rootInput
	stages := []struct {
		name string
		run  func(context.Context) error
	}{
		{"load", func(ctx context.Context) error {
			var err error
			resources, err = p.load(ctx, t)
			return err
		}},
		{"adapt", func(context.Context) error {
			roots = adaptRoots(resources)
			if p.snapshot != nil {
				roots = []rootInput{{input: &check.Input{AWS: p.snapshot}}}
			}
			for _, r := range roots {
				r.input.Now = p.res.StartedAt
			}
			p.res.Resources = countManaged(resources)
			return nil
		}},
		{"check", func(ctx context.Context) error {
			for _, r := range roots {
				fs, diags, err := check.Run(ctx, opts.Checks, r.input)
				if err != nil {
					return err
				}
				qualify(fs, r.root)
				p.res.Findings = append(p.res.Findings, fs...)
				p.res.Diagnostics = append(p.res.Diagnostics, diags...)
			}
			return nil
		}},
		{"suppress", func(context.Context) error {
			if opts.Suppress != nil {
				p.res.Diagnostics = append(p.res.Diagnostics, opts.Suppress(t.fsys, p.res.Files, p.res.Findings)...)
			}
			return nil
		}},
		{"relocate", func(context.Context) error {
			p.relocate(displayPrefix(opts.Target))
			return nil
		}},
		{"baseline", func(context.Context) error {
			if opts.Baseline != nil {
				opts.Baseline.Apply(p.res.Findings)
			}
			return nil
		}},
	}
	for _, s := range stages {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("scan %s: %w", opts.Target, err)
		}
		if err := p.stage(ctx, s.name, s.run); err != nil {
			return nil, fmt.Errorf("scan %s: %s: %w", opts.Target, s.name, err)
		}
	}
	check.SortFindings(p.res.Findings)
	p.res.Diagnostics = p.res.Diagnostics.Sort()
	p.res.Duration = now().Sub(p.res.StartedAt)
	return p.res, nil
}

type pipeline struct {
	opts ScanOptions
	now  func() time.Time
	res  *ScanResult
	// snapshot is the live estate a snapshot target holds, already in the
	// typed model.
	snapshot *aws.State
}

func (p *pipeline) stage(ctx context.Context, name string, run func(context.Context) error) error {
	if p.opts.Progress != nil {
		p.opts.Progress(Event{Stage: name})
	}
	start := p.now()
	err := run(ctx)
	d := p.now().Sub(start)
	p.res.Stages = append(p.res.Stages, Stage{Name: name, Duration: d})
	if p.opts.Logger != nil {
		p.opts.Logger.Debug("stage done", slog.String("stage", name), slog.Duration("duration", d))
	}
	if p.opts.Progress != nil {
		p.opts.Progress(Event{Stage: name, Done: true, Elapsed: d})
	}
	return err
}

func (p *pipeline) load(ctx context.Context, t target) ([]*tfres.Resource, error) {
	switch t.kind {
	case snapshotFile:
		return nil, p.loadSnapshot(t)
	case planFile:
		f, err := t.fsys.Open(t.file)
		if err != nil {
			return nil, fmt.Errorf("open plan: %w", err)
		}
		defer f.Close()
		rs, diags := tfplan.Load(f, t.file)
		p.res.Files = []string{t.file}
		p.res.Diagnostics = append(p.res.Diagnostics, diags...)
		return rs, nil
	}
	lr, err := terraform.Load(ctx, t.fsys, t.root, p.opts.Terraform)
	if err != nil {
		return nil, err
	}
	p.res.Files = lr.Files
	p.res.Diagnostics = append(p.res.Diagnostics, lr.Diagnostics...)
	return lr.Resources, nil
}

// loadSnapshot reads a live IAM snapshot (`aws iam
// get-account-authorization-details`) into the typed model.
func (p *pipeline) loadSnapshot(t target) error {
	f, err := t.fsys.Open(t.file)
	if err != nil {
		return fmt.Errorf("open snapshot: %w", err)
	}
	defer f.Close()
	st, diags := awsiam.Load(f, t.file)
	p.res.Files = []string{t.file}
	p.res.Diagnostics = append(p.res.Diagnostics, diags...)
	if st == nil {
		st = &aws.State{}
	}
	p.snapshot = st
	return nil
}

// targetKind says what a scan target is.
type targetKind uint8

const (
	terraformDir targetKind = iota
	planFile
	snapshotFile
)

// target is an opened scan target: a file system confined to it, and what
// to load in it.
type target struct {
	fsys fs.FS
	kind targetKind
	// root is the directory to load Terraform from; file the plan or
	// snapshot, both relative to fsys.
	root, file string
}

// openTarget opens the scan target as a file system confined to it (os.Root:
// a symlink in the scanned tree cannot lead outside) and says what it is: a
// Terraform directory (a .tf file stands for its directory), a plan, or an
// IAM snapshot. A snapshot is told by its first bytes, so a large one is not
// read whole twice.
func openTarget(name string) (target, error) {
	info, err := os.Stat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return target{}, fmt.Errorf("open %s: %w", name, ErrNoTarget)
	}
	if err != nil {
		return target{}, fmt.Errorf("open %s: %w", name, err)
	}
	dir, file := name, ""
	if !info.IsDir() {
		dir, file = filepath.Dir(name), filepath.Base(name)
	}
	r, err := os.OpenRoot(dir)
	if err != nil {
		return target{}, fmt.Errorf("open %s: %w", name, err)
	}
	t := target{fsys: r.FS(), root: "."}
	if file == "" || strings.HasSuffix(file, ".tf") || strings.HasSuffix(file, ".tf.json") {
		return t, nil
	}
	t.file = file
	if head, err := readHead(t.fsys, file); err != nil {
		return target{}, fmt.Errorf("read %s: %w", name, err)
	} else if awsiam.IsSnapshot(head) {
		t.kind = snapshotFile
		return t, nil
	}
	data, err := fs.ReadFile(t.fsys, file)
	if err != nil {
		return target{}, fmt.Errorf("read %s: %w", name, err)
	}
	if !tfplan.IsPlan(data) {
		return target{}, fmt.Errorf("scan %s: not a Terraform file, directory or plan (terraform show -json), nor an IAM snapshot (aws iam get-account-authorization-details)", name)
	}
	t.kind = planFile
	return t, nil
}

// sniffSize is how much of a file tells a snapshot from anything else.
const sniffSize = 64 << 10

func readHead(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, sniffSize))
}

// displayPrefix is what to put before target-relative paths so findings
// read as paths from the working directory (GitHub code scanning wants paths
// relative to the repository root, where CI usually runs).
func displayPrefix(target string) string {
	dir := target
	if info, err := os.Stat(target); err == nil && !info.IsDir() {
		dir = filepath.Dir(target)
	}
	if filepath.IsAbs(dir) {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, dir); err == nil && !strings.HasPrefix(rel, "..") {
				dir = rel
			}
		}
	}
	dir = filepath.ToSlash(filepath.Clean(dir))
	if dir == "." {
		return ""
	}
	return dir
}

// relocate rewrites target-relative file paths into display paths, after
// suppressions have read the files.
func (p *pipeline) relocate(prefix string) {
	if prefix == "" {
		return
	}
	fix := func(r *model.Range) {
		if r.File != "" {
			r.File = path.Join(prefix, r.File)
		}
	}
	fixOrigin := func(o *model.Origin) {
		fix(&o.Range)
		calls := make([]model.Call, len(o.Module))
		copy(calls, o.Module)
		for i := range calls {
			fix(&calls[i].Range)
		}
		o.Module = calls
	}
	for i := range p.res.Findings {
		f := &p.res.Findings[i]
		fixOrigin(&f.Origin)
		fixOrigin(&f.Resource.Origin)
		if f.Suppression != nil {
			s := *f.Suppression
			fix(&s.Source)
			f.Suppression = &s
		}
	}
	for i := range p.res.Diagnostics {
		fix(&p.res.Diagnostics[i].Range)
	}
	for i, f := range p.res.Files {
		p.res.Files[i] = path.Join(prefix, f)
	}
}

// rootInput is the model of one root module: a separate deployment, so
// companions never join across roots and checks judge each on its own.
type rootInput struct {
	root  string
	input *check.Input
}

// adaptRoots builds one model per root module, in root order.
func adaptRoots(resources []*tfres.Resource) []rootInput {
	byRoot := map[string][]*tfres.Resource{}
	var order []string
	for _, r := range resources {
		if _, ok := byRoot[r.Root]; !ok {
			order = append(order, r.Root)
		}
		byRoot[r.Root] = append(byRoot[r.Root], r)
	}
	slices.Sort(order)
	out := make([]rootInput, 0, len(order))
	for _, root := range order {
		out = append(out, rootInput{root: root, input: &check.Input{AWS: tfaws.Adapt(tfres.NewSet(byRoot[root]))}})
	}
	return out
}

// qualify makes resource IDs unique across root modules: envs/dev and
// envs/prod both have an aws_s3_bucket.logs. Inside one root's model the
// plain address stays the ID, so links between resources keep working.
func qualify(fs []check.Finding, root string) {
	if root == "" || root == "." {
		return
	}
	for i := range fs {
		fs[i].Resource.ID = root + ":" + fs[i].Resource.ID
	}
}

func countManaged(rs []*tfres.Resource) int {
	n := 0
	for _, r := range rs {
		if r.Mode == tfres.Managed {
			n++
		}
	}
	return n
}
