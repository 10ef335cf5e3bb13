package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/vigil-sec/vigil/internal/app"
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/config"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/suppress"
)

// loadConfig finds and loads the config for a scan target (or the explicit
// path), then applies VIGIL_* environment variables. No file is not an error.
func loadConfig(explicit, target string, env []string) (*config.Config, error) {
	path := explicit
	if path == "" {
		start := target
		if info, err := os.Stat(target); err == nil && !info.IsDir() {
			start = filepath.Dir(target)
		}
		var err error
		if path, err = config.Discover(start); err != nil {
			return nil, usageError{err}
		}
	}
	cfg := config.Default()
	if path != "" {
		var err error
		if cfg, err = config.Load(path); err != nil {
			return nil, usageError{err}
		}
	}
	if err := cfg.ApplyEnv(env); err != nil {
		return nil, usageError{err}
	}
	return cfg, nil
}

// resolveScanConfig fills every scan option the user did not set on the
// command line from the config file and environment: flags > env > file >
// defaults.
func resolveScanConfig(cmd *cobra.Command, o *scanOptions, env []string) error {
	cfg, err := loadConfig(o.configPath, o.target, env)
	if err != nil {
		return err
	}
	o.config = cfg
	changed := cmd.Flags().Changed
	if !changed("severity") && cfg.Severity > check.Info {
		o.severity = cfg.Severity.String()
	}
	if !changed("fail-on") {
		o.failOn = cfg.FailOn.String()
	}
	if !changed("check") {
		o.checks = cfg.Checks
	}
	if !changed("skip-check") {
		o.skipChecks = cfg.SkipChecks
	}
	if !changed("framework") {
		o.frameworks = cfg.Frameworks
	}
	if !changed("format") && !changed("output") {
		o.formats, o.outputs = nil, nil
		for _, out := range cfg.Outputs {
			o.formats = append(o.formats, out.Format)
			o.outputs = append(o.outputs, orDefault(out.Path, "-"))
		}
	}
	if changed("var-file") {
		if o.varFiles, err = targetRelative(o.varFiles, scanDir(o.target)); err != nil {
			return err
		}
	} else {
		o.varFiles = cfg.VarFiles
	}
	// Variables merge: the file's first, so --var overrides them one by one.
	names := make([]string, 0, len(cfg.Vars))
	for name := range cfg.Vars {
		names = append(names, name)
	}
	slices.Sort(names)
	fileVars := make([]string, 0, len(names))
	for _, name := range names {
		fileVars = append(fileVars, name+"="+cfg.Vars[name])
	}
	o.vars = append(fileVars, o.vars...)
	if !changed("baseline") {
		o.baseline = cfg.Baseline
	}
	if !changed("no-color") {
		o.noColor = cfg.NoColor
	}
	if !changed("quiet") {
		o.quiet = cfg.Quiet
	}
	return nil
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// scanDir is the directory a target names: itself, or a file's directory.
func scanDir(target string) string {
	if info, err := os.Stat(target); err == nil && !info.IsDir() {
		return filepath.Dir(target)
	}
	return target
}

// targetRelative turns --var-file paths, which users write from the working
// directory, into paths inside the scan target: the scan reads only through
// a file system confined to the target.
func targetRelative(paths []string, dir string) ([]string, error) {
	out := make([]string, 0, len(paths))
	for _, p := range paths {
		rel, err := filepath.Rel(dir, p)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return nil, usagef("--var-file %s: must be inside the scanned directory %s", p, dir)
		}
		out = append(out, filepath.ToSlash(rel))
	}
	return out, nil
}

// newSuppressor returns the app's suppression stage: inline comments, then
// config ignore entries.
func newSuppressor(reg *check.Registry, checks []*check.Check, o scanOptions, now func() time.Time) (app.Suppressor, error) {
	cfg := o.config
	if cfg == nil {
		cfg = config.Default()
	}
	abs, err := filepath.Abs(scanDir(o.target))
	if err != nil {
		return nil, fmt.Errorf("resolve %s: %w", o.target, err)
	}
	opts := suppress.Options{Checks: checks, Ignores: cfg.Ignore, IgnoreBase: cfg.Base(abs)}
	return func(fsys fs.FS, files []string, findings []check.Finding) model.Diagnostics {
		opts.Files = files
		return suppress.Apply(fsys, findings, reg, now(), opts)
	}, nil
}

// loadBaseline loads the baseline file the options name, if any.
func loadBaseline(o scanOptions) (*suppress.Baseline, error) {
	if o.baseline == "" {
		return nil, nil
	}
	b, err := suppress.LoadBaseline(o.baseline)
	if err != nil {
		return nil, usageError{err}
	}
	return b, nil
}

// excluder returns the app's exclusion predicate for the config's
// exclude-paths, or nil when there are none.
func excluder(o scanOptions) (func(string) bool, error) {
	cfg := o.config
	if cfg == nil || len(cfg.ExcludePaths) == 0 {
		return nil, nil
	}
	abs, err := filepath.Abs(scanDir(o.target))
	if err != nil {
		return nil, fmt.Errorf("resolve %s: %w", o.target, err)
	}
	base := cfg.Base(abs)
	return func(p string) bool { return cfg.Excluded(base, p) }, nil
}

func newConfigCmd(cio IO) *cobra.Command {
	cmd := &cobra.Command{Use: "config", Short: "Show or create the configuration file"}
	var path string
	show := &cobra.Command{
		Use:   "show [PATH]",
		Short: "Print the effective configuration for a scan of PATH (file, environment and defaults)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			target := "."
			if len(args) == 1 {
				target = args[0]
			}
			cfg, err := loadConfig(path, target, cio.Env)
			if err != nil {
				return err
			}
			out, err := cfg.Marshal()
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			if cfg.Path != "" {
				fmt.Fprintf(w, "# from %s\n", cfg.Path)
			} else {
				fmt.Fprintln(w, "# no config file found; defaults and environment")
			}
			_, err = w.Write(out)
			return err
		},
	}
	show.Flags().StringVar(&path, "config", "", "config file (default: discovered from PATH upward)")
	var force bool
	initCmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Write a .vigil.yaml with the default settings",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			out, err := config.Default().Marshal()
			if err != nil {
				return err
			}
			p := filepath.Join(dir, config.Names[0])
			flag := os.O_WRONLY | os.O_CREATE | os.O_EXCL
			if force {
				flag = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
			}
			f, err := os.OpenFile(p, flag, 0o644)
			if errors.Is(err, fs.ErrExist) {
				return usagef("config init: %s exists (use --force to overwrite)", p)
			}
			if err != nil {
				return fmt.Errorf("config init: %w", err)
			}
			if _, err := f.Write(out); err != nil {
				f.Close()
				return fmt.Errorf("config init: %w", err)
			}
			if err := f.Close(); err != nil {
				return fmt.Errorf("config init: %w", err)
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "wrote %s\n", p)
			return nil
		},
	}
	initCmd.Flags().BoolVar(&force, "force", false, "overwrite an existing file")
	cmd.AddCommand(show, initCmd)
	return cmd
}
