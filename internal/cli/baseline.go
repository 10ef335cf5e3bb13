package cli

import (
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"
	"github.com/vigil-sec/vigil/internal/app"
	"github.com/vigil-sec/vigil/internal/check/builtin"
	"github.com/vigil-sec/vigil/internal/source/terraform"
	"github.com/vigil-sec/vigil/internal/suppress"
)

// defaultBaseline is where `vigil baseline create` writes by default.
const defaultBaseline = ".vigil-baseline.json"

func newBaselineCmd(cio IO) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "baseline",
		Short: "Record today's findings so CI reports only new ones",
	}
	var o scanOptions
	var out string
	create := &cobra.Command{
		Use:   "create [PATH]",
		Short: "Scan PATH and write every unsuppressed finding to a baseline file",
		Long: `Create scans PATH like "vigil scan" and records every failing, unsuppressed
finding by fingerprint (check, resource and file; not the line, so edits
elsewhere do not invalidate it). Then "vigil scan --baseline FILE" reports
only findings that are not in it.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.target = "."
			if len(args) == 1 {
				o.target = args[0]
			}
			if err := resolveScanConfig(cmd, &o, cio.Env); err != nil {
				return err
			}
			o.baseline = ""
			return runBaselineCreate(cmd, o, out, cio)
		},
	}
	f := create.Flags()
	f.StringVarP(&out, "output", "o", defaultBaseline, "baseline file to write")
	f.StringArrayVar(&o.vars, "var", nil, "set a Terraform variable: NAME=VALUE (repeatable)")
	f.StringArrayVar(&o.varFiles, "var-file", nil, "read Terraform variables from a file (repeatable)")
	f.StringVar(&o.configPath, "config", "", "config file (default: .vigil.yaml found from PATH upward)")
	cmd.AddCommand(create)
	return cmd
}

func runBaselineCreate(cmd *cobra.Command, o scanOptions, out string, cio IO) error {
	vars, err := parseVars(o.vars)
	if err != nil {
		return err
	}
	reg, err := builtin.Registry()
	if err != nil {
		return err
	}
	suppressor, err := newSuppressor(reg, reg.All(), o, time.Now)
	if err != nil {
		return err
	}
	exclude, err := excluder(o)
	if err != nil {
		return err
	}
	res, err := app.Scan(cmd.Context(), app.ScanOptions{
		Target:    o.target,
		Terraform: terraform.Options{Vars: vars, VarFiles: o.varFiles, Env: cio.Env},
		Checks:    reg.All(),
		Registry:  reg,
		Suppress:  suppressor,
		Exclude:   exclude,
	})
	if err != nil {
		return usageError{err}
	}
	b := suppress.NewBaseline(res.Findings, time.Now().UTC(), Version)
	f, err := os.Create(out)
	if err != nil {
		return fmt.Errorf("write baseline: %w", err)
	}
	if err := b.Write(f); err != nil {
		f.Close()
		return fmt.Errorf("write baseline %s: %w", out, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write baseline %s: %w", out, err)
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "wrote %d findings to %s\n", len(b.Entries), out)
	if res.Incomplete() {
		for _, d := range res.Diagnostics {
			fmt.Fprintln(cmd.ErrOrStderr(), d)
		}
		return errIncomplete
	}
	return nil
}
