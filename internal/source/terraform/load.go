package terraform

import (
	"cmp"
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"path"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"

	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/source/tfres"
	"github.com/zclconf/go-cty/cty/function"
	"golang.org/x/sync/errgroup"
)

// Options tune a load.
type Options struct {
	// Vars are -var assignments, name to raw value as Terraform's -var takes it.
	Vars map[string]string
	// VarFiles are extra variable files (paths within the file system).
	VarFiles []string
	// Env is the environment to read TF_VAR_ variables from ("NAME=value"
	// entries, as os.Environ gives them); nil reads none.
	Env    []string
	Logger *slog.Logger
}

// Result is what a load found.
type Result struct {
	Resources   []*tfres.Resource
	Diagnostics model.Diagnostics
	// Files lists every Terraform file read, slash paths relative to the root.
	Files []string
}

// Load finds every root module under root in fsys and evaluates it.
func Load(ctx context.Context, fsys fs.FS, root string, opts Options) (*Result, error) {
	root = path.Clean(strings.TrimPrefix(root, "./"))
	if !fs.ValidPath(root) {
		return nil, fmt.Errorf("load %s: invalid root path", root)
	}
	logger := opts.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	l := &loader{
		fsys:    fsys,
		root:    root,
		opts:    opts,
		an:      newAnalysis(),
		pure:    pureFunctions(),
		modules: map[string]*moduleEntry{},
		files:   map[string]bool{},
	}
	dirs, err := l.discover(ctx)
	if err != nil {
		return nil, err
	}
	l.preload(ctx, dirs)
	l.an.freeze()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	roots := l.roots(dirs)
	logger.Debug("terraform modules found", "modules", len(dirs), "roots", len(roots))
	l.envVars, l.lateVars = l.commonVars()

	evals := make([]*rootEval, len(roots))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, dir := range roots {
		g.Go(func() error {
			evals[i] = l.evalRoot(gctx, dir)
			return nil
		})
	}
	_ = g.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	res := &Result{}
	for _, e := range evals {
		res.Resources = append(res.Resources, e.resources...)
		res.Diagnostics = append(res.Diagnostics, e.diags...)
	}
	res.Diagnostics = append(res.Diagnostics, l.diags...)
	for _, dir := range sortedKeys(l.modules) {
		if m := l.modules[dir].cfg; m != nil {
			res.Diagnostics = append(res.Diagnostics, m.diags...)
		}
	}
	res.Diagnostics = res.Diagnostics.Sort()
	slices.SortStableFunc(res.Resources, func(a, b *tfres.Resource) int {
		return cmp.Or(
			strings.Compare(a.Address, b.Address),
			strings.Compare(a.Root, b.Root),
			strings.Compare(a.Body.Origin.Range.File, b.Body.Origin.Range.File),
		)
	})
	res.Files = sortedKeys(l.files)
	return res, nil
}

// loader holds what one Load shares between root modules.
type loader struct {
	fsys fs.FS
	// root is the scan root within fsys.
	root string
	opts Options
	an   *analysis
	pure map[string]function.Function
	// envVars and lateVars are the root variable values that come from
	// outside the tree, lowest and highest precedence.
	envVars, lateVars map[string]rawValue

	mu      sync.Mutex
	modules map[string]*moduleEntry
	files   map[string]bool
	diags   model.Diagnostics
}

// maxConfigFileSize bounds the configuration files parsed; real ones are
// far smaller, and a generated giant is not worth the memory.
const maxConfigFileSize = 8 << 20

type moduleEntry struct {
	once sync.Once
	cfg  *moduleConfig
}

func (l *loader) addDiag(f func(*model.Diagnostics)) {
	l.mu.Lock()
	defer l.mu.Unlock()
	f(&l.diags)
}

func (l *loader) addFile(name string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.files[name] = true
}

// displayName returns a file system path relative to the scan root.
func (l *loader) displayName(p string) string {
	if l.root == "." {
		return p
	}
	if p == l.root {
		return "."
	}
	if rest, ok := strings.CutPrefix(p, l.root+"/"); ok {
		return rest
	}
	return p
}

// inRoot reports whether a clean file system path lies inside the scan root.
func (l *loader) inRoot(p string) bool {
	if !fs.ValidPath(p) {
		return false
	}
	return l.root == "." || p == l.root || strings.HasPrefix(p, l.root+"/")
}

// skipDir names directories that hold no configuration of the scanned
// repository. .terraform is read only through module manifests.
func skipDir(name string) bool {
	return name == ".git" || name == "node_modules" || name == ".terraform"
}

// discover walks the scan root for directories holding configuration files.
func (l *loader) discover(ctx context.Context) ([]string, error) {
	var dirs []string
	err := fs.WalkDir(l.fsys, l.root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			l.addDiag(func(ds *model.Diagnostics) {
				ds.Warnf(model.Range{File: l.displayName(p)}, "read directory: %s", err)
			})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if p != l.root && skipDir(d.Name()) {
			return fs.SkipDir
		}
		entries, err := fs.ReadDir(l.fsys, p)
		if err != nil {
			return nil
		}
		for _, e := range entries {
			if !e.IsDir() && isConfigFile(e.Name()) {
				dirs = append(dirs, p)
				break
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("walk %s: %w", l.root, err)
	}
	return dirs, nil
}

// preload parses every discovered module in parallel, then every module
// the roots call, so that the analysis of attribute use is complete before
// evaluation starts.
func (l *loader) preload(ctx context.Context, dirs []string) {
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, d := range dirs {
		g.Go(func() error {
			if gctx.Err() == nil {
				l.module(d)
			}
			return nil
		})
	}
	_ = g.Wait()
	seen := map[string]bool{}
	var walk func(dir, key string, man manifest, depth int)
	walk = func(dir, key string, man manifest, depth int) {
		m := l.module(dir)
		if m == nil || depth > maxModuleDepth || seen[dir+"\x00"+key] {
			return
		}
		seen[dir+"\x00"+key] = true
		for _, name := range sortedKeys(m.calls) {
			c := m.calls[name]
			ck := name
			if key != "" {
				ck = key + "." + name
			}
			switch {
			case isLocalSource(c.source):
				if d := path.Join(dir, c.source); l.inRoot(d) {
					walk(d, ck, man, depth+1)
				}
			case man[ck] != "":
				walk(man[ck], ck, man, depth+1)
			}
		}
	}
	for _, d := range l.roots(dirs) {
		if ctx.Err() != nil {
			return
		}
		walk(d, "", l.readManifest(d), 0)
	}
}

// module returns the module in dir, parsed once; nil when dir holds no
// configuration files.
func (l *loader) module(dir string) *moduleConfig {
	l.mu.Lock()
	e := l.modules[dir]
	if e == nil {
		e = &moduleEntry{}
		l.modules[dir] = e
	}
	l.mu.Unlock()
	e.once.Do(func() { e.cfg = l.parseModule(dir) })
	return e.cfg
}

func (l *loader) parseModule(dir string) *moduleConfig {
	entries, err := fs.ReadDir(l.fsys, dir)
	if err != nil {
		return nil
	}
	var primary, override []*file
	for _, e := range entries {
		if e.IsDir() || !isConfigFile(e.Name()) {
			continue
		}
		p := path.Join(dir, e.Name())
		name := l.displayName(p)
		l.addFile(name)
		if info, err := e.Info(); err == nil && info.Size() > maxConfigFileSize {
			l.addDiag(func(ds *model.Diagnostics) {
				ds.Errorf(model.Range{File: name}, "file is over %d MiB; not scanned", maxConfigFileSize>>20)
			})
			continue
		}
		f := readFile(l.fsys, p, name)
		if f.override {
			override = append(override, f)
		} else {
			primary = append(primary, f)
		}
	}
	if len(primary)+len(override) == 0 {
		return nil
	}
	return buildModule(dir, append(primary, override...), l.an)
}

// roots returns the directories not called as a local module by another
// discovered directory. Directories only reachable through a call cycle
// are roots too, so that nothing in the tree goes unscanned.
func (l *loader) roots(dirs []string) []string {
	known := map[string]bool{}
	for _, d := range dirs {
		known[d] = true
	}
	called := map[string]bool{}
	edges := map[string][]string{}
	for _, d := range dirs {
		m := l.module(d)
		if m == nil {
			continue
		}
		for _, c := range m.calls {
			if !isLocalSource(c.source) {
				continue
			}
			t := path.Join(d, c.source)
			if t != d && known[t] {
				called[t] = true
				edges[d] = append(edges[d], t)
			}
		}
	}
	var roots []string
	reached := map[string]bool{}
	var reach func(string)
	reach = func(d string) {
		if reached[d] {
			return
		}
		reached[d] = true
		for _, t := range edges[d] {
			reach(t)
		}
	}
	for _, d := range dirs {
		if !called[d] && l.module(d) != nil {
			roots = append(roots, d)
			reach(d)
		}
	}
	for _, d := range dirs {
		if !reached[d] && l.module(d) != nil {
			roots = append(roots, d)
			reach(d)
		}
	}
	slices.Sort(roots)
	return roots
}

// rootEval is the evaluation of one root module and all it calls.
type rootEval struct {
	l         *loader
	dir       string
	funcs     map[string]function.Function
	vars      map[string]rawValue
	manifest  manifest
	resources []*tfres.Resource
	diags     model.Diagnostics
	// budget is how many more instances this root may create.
	budget int
}

// spend takes n instances from the root's budget. It reports why it cannot:
// one expansion over maxInstances, or the root over its whole budget.
func (r *rootEval) spend(n int) error {
	if n > maxInstances {
		return fmt.Errorf("%d instances is over the limit of %d", n, maxInstances)
	}
	if n > r.budget {
		return fmt.Errorf("the root module is over its limit of %d instances", maxRootInstances)
	}
	r.budget -= n
	return nil
}

// evalRoot evaluates the root module in dir. A panic is a bug; it is turned
// into a diagnostic so one bad module does not end the scan.
func (l *loader) evalRoot(ctx context.Context, dir string) (r *rootEval) {
	r = &rootEval{l: l, dir: dir, budget: maxRootInstances}
	defer func() {
		if p := recover(); p != nil {
			r.resources = nil
			r.diags.Errorf(model.Range{File: l.displayName(dir)}, "evaluate module: internal error: %v\n%s", p, debug.Stack())
		}
	}()
	cfg := l.module(dir)
	if cfg == nil {
		return r
	}
	r.funcs = l.functions(dir)
	r.vars = l.rootVars(dir)
	r.manifest = l.readManifest(dir)
	in := &instance{r: r, cfg: cfg, dirs: []string{dir}}
	in.run(ctx)
	return r
}
