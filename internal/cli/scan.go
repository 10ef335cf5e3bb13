package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/vigil-sec/vigil/internal/app"
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin"
	"github.com/vigil-sec/vigil/internal/config"
	"github.com/vigil-sec/vigil/internal/report"
	"github.com/vigil-sec/vigil/internal/source/terraform"
)

// scanOptions are the scan command's settings after flags, environment and
// config file are resolved.
type scanOptions struct {
	target       string
	formats      []string
	outputs      []string
	failOn       string
	softFail     bool
	allowPartial bool
	severity     string
	checks       []string
	skipChecks   []string
	frameworks   []string
	vars         []string
	varFiles     []string
	baseline     string
	configPath   string
	noColor      bool
	quiet        bool
	noProgress   bool
	showPassed   bool
	debug        bool

	// config is the loaded configuration the options were resolved from.
	config *config.Config
}

func newScanCmd(cio IO) *cobra.Command {
	var o scanOptions
	cmd := &cobra.Command{
		Use:   "scan [PATH]",
		Short: "Scan Terraform (a directory, a .tf file's directory, or a plan JSON) or a live IAM snapshot for misconfigurations",
		Long: `Scan evaluates the Terraform under PATH (default: the current directory) or a
"terraform show -json" plan file, runs every selected check, and reports.
PATH may also be the output of "aws iam get-account-authorization-details"
(JSON, optionally gzip-compressed): the IAM checks then judge live
identities, including the ones only live data can (unused roles).

Outputs pair up in order: --format sarif --output vigil.sarif writes SARIF to
the file; a format without an output goes to stdout.

Settings come from flags, then VIGIL_* environment variables, then a
.vigil.yaml found in PATH or a parent directory up to the repository root.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.target = "."
			if len(args) == 1 {
				o.target = args[0]
			}
			if err := resolveScanConfig(cmd, &o, cio.Env); err != nil {
				return err
			}
			return runScan(cmd.Context(), o, cio)
		},
	}
	f := cmd.Flags()
	f.StringArrayVarP(&o.formats, "format", "f", nil, "output format: "+strings.Join(report.Formats(), ", ")+" (repeatable)")
	f.StringArrayVarP(&o.outputs, "output", "o", nil, "output file for the format in the same position; - for stdout (repeatable)")
	f.StringVar(&o.failOn, "fail-on", "low", "exit 1 when an unsuppressed finding is at or above this severity")
	f.BoolVar(&o.softFail, "soft-fail", false, "exit 0 even when findings reach --fail-on")
	f.BoolVar(&o.allowPartial, "allow-partial", false, "do not exit 3 when some input could not be scanned")
	f.StringVar(&o.severity, "severity", "", "report only checks at or above this severity")
	f.StringSliceVar(&o.checks, "check", nil, "run only these checks (IDs, slugs, other scanners' IDs, or globs like AWS-S3-*)")
	f.StringSliceVar(&o.skipChecks, "skip-check", nil, "do not run these checks (same forms as --check)")
	f.StringSliceVar(&o.frameworks, "framework", nil, "run only checks mapped to these frameworks (see: vigil checks frameworks)")
	f.StringArrayVar(&o.vars, "var", nil, "set a Terraform variable: NAME=VALUE (repeatable)")
	f.StringArrayVar(&o.varFiles, "var-file", nil, "read Terraform variables from a file (repeatable)")
	f.StringVar(&o.baseline, "baseline", "", "report only findings not in this baseline file (see: vigil baseline create)")
	f.StringVar(&o.configPath, "config", "", "config file (default: .vigil.yaml found from PATH upward)")
	f.BoolVar(&o.noColor, "no-color", false, "disable colour (also NO_COLOR)")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "no progress and no log output")
	f.BoolVar(&o.noProgress, "no-progress", false, "no progress line")
	f.BoolVar(&o.showPassed, "show-passed", false, "include passed checks in table, JSON and CSV output")
	f.BoolVarP(&o.debug, "debug", "d", false, "log stage timings and details to stderr")
	return cmd
}

type output struct {
	format string
	path   string // "" or "-" for stdout
}

func (o scanOptions) outputsList() ([]output, error) {
	formats := o.formats
	if len(formats) == 0 {
		formats = []string{"table"}
	}
	if len(o.outputs) > len(formats) {
		return nil, usagef("scan: %d --output for %d --format; each output needs a format", len(o.outputs), len(formats))
	}
	var outs []output
	stdout := 0
	for i, f := range formats {
		out := output{format: f}
		if i < len(o.outputs) {
			out.path = o.outputs[i]
		}
		if out.path == "" || out.path == "-" {
			out.path = ""
			stdout++
		}
		outs = append(outs, out)
	}
	if stdout > 1 {
		return nil, usagef("scan: %d formats would go to stdout; give all but one an --output file", stdout)
	}
	return outs, nil
}

func runScan(ctx context.Context, o scanOptions, cio IO) error {
	outs, err := o.outputsList()
	if err != nil {
		return err
	}
	failOn, err := check.ParseSeverity(o.failOn)
	if err != nil {
		return usageError{fmt.Errorf("--fail-on: %w", err)}
	}
	sel := app.Selection{Checks: o.checks, Skip: o.skipChecks, Frameworks: o.frameworks}
	if o.severity != "" {
		if sel.MinSeverity, err = check.ParseSeverity(o.severity); err != nil {
			return usageError{fmt.Errorf("--severity: %w", err)}
		}
	}
	vars, err := parseVars(o.vars)
	if err != nil {
		return err
	}
	reg, err := builtin.Registry()
	if err != nil {
		return err
	}
	checks, err := app.Select(reg, sel)
	if err != nil {
		return usageError{err}
	}
	color := !o.noColor && cio.StdoutTTY && getenv(cio.Env, "NO_COLOR") == "" && getenv(cio.Env, "TERM") != "dumb"
	renderers := make([]report.Renderer, len(outs))
	for i, out := range outs {
		opts := report.Options{Color: color && out.path == "", ShowPassed: o.showPassed}
		if out.path == "" {
			opts.Width = cio.Width
		}
		if renderers[i], err = report.New(out.format, opts); err != nil {
			return usageError{err}
		}
	}
	suppressor, err := newSuppressor(reg, checks, o, time.Now)
	if err != nil {
		return err
	}
	exclude, err := excluder(o)
	if err != nil {
		return err
	}
	baseline, err := loadBaseline(o)
	if err != nil {
		return err
	}

	logger := newLogger(cio.Stderr, o.debug, o.quiet)
	opts := app.ScanOptions{
		Target:    o.target,
		Terraform: terraform.Options{Vars: vars, VarFiles: o.varFiles, Env: cio.Env, Logger: logger},
		Checks:    checks,
		Registry:  reg,
		Suppress:  suppressor,
		Exclude:   exclude,
		Baseline:  baseline,
		Logger:    logger,
	}
	if cio.StderrTTY && !o.quiet && !o.noProgress && getenv(cio.Env, "CI") == "" {
		p := startProgress(cio.Stderr)
		defer p.Stop()
		opts.Progress = p.Event
	}
	res, err := app.Scan(ctx, opts)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return usageError{err}
	}
	rep := &report.Report{
		Tool:        report.Tool{Name: "vigil", Version: Version, InformationURI: "https://github.com/vigil-sec/vigil"},
		Target:      o.target,
		StartedAt:   res.StartedAt,
		Duration:    res.Duration,
		Checks:      checks,
		Findings:    res.Findings,
		Diagnostics: res.Diagnostics,
		Incomplete:  res.Incomplete(),
	}
	for i, out := range outs {
		if err := writeOutput(renderers[i], rep, out.path, cio.Stdout); err != nil {
			return err
		}
	}
	switch {
	case rep.Incomplete && !o.allowPartial:
		return errIncomplete
	case !o.softFail && gateHit(res.Findings, failOn):
		return errFindings
	}
	return nil
}

func writeOutput(r report.Renderer, rep *report.Report, path string, stdout io.Writer) error {
	if path == "" {
		return r.Render(stdout, rep)
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	if err := r.Render(f, rep); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// gateHit reports whether an unsuppressed failure reaches the threshold.
func gateHit(fs []check.Finding, threshold check.Severity) bool {
	for i := range fs {
		f := &fs[i]
		if f.Status == check.Fail && !f.Suppressed() && f.Check.Severity >= threshold {
			return true
		}
	}
	return false
}

func parseVars(assignments []string) (map[string]string, error) {
	vars := map[string]string{}
	for _, a := range assignments {
		name, value, ok := strings.Cut(a, "=")
		if !ok || strings.TrimSpace(name) == "" {
			return nil, usagef("--var %q: want NAME=VALUE", a)
		}
		vars[strings.TrimSpace(name)] = value
	}
	return vars, nil
}

func getenv(env []string, key string) string {
	for i := len(env) - 1; i >= 0; i-- {
		if k, v, ok := strings.Cut(env[i], "="); ok && k == key {
			return v
		}
	}
	return ""
}
