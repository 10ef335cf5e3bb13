package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"github.com/vigil-sec/vigil/internal/app"
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin"
)

type checksListOptions struct {
	providers, services, frameworks []string
	severity                        string
	format                          string
}

func newChecksCmd(cio IO) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "checks",
		Short: "List and explain the built-in checks",
	}
	var lo checksListOptions
	list := &cobra.Command{
		Use:   "list",
		Short: "List checks, optionally filtered by provider, service, framework or severity",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runChecksList(lo, cmd.OutOrStdout())
		},
	}
	list.Flags().StringSliceVar(&lo.providers, "provider", nil, "only checks of these providers (aws)")
	list.Flags().StringSliceVar(&lo.services, "service", nil, "only checks of these services (s3, iam, ...)")
	list.Flags().StringSliceVar(&lo.frameworks, "framework", nil, "only checks mapped to these compliance frameworks (see: vigil checks frameworks)")
	list.Flags().StringVar(&lo.severity, "severity", "", "only checks at or above this severity")
	list.Flags().StringVar(&lo.format, "format", "table", "output format: table, json or markdown")

	var showFormat string
	show := &cobra.Command{
		Use:   "show ID",
		Short: "Explain a check: what it finds, why it matters, how to fix it",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runChecksShow(args[0], showFormat, cmd.OutOrStdout())
		},
	}
	show.Flags().StringVar(&showFormat, "format", "text", "output format: text or json")

	frameworks := &cobra.Command{
		Use:   "frameworks",
		Short: "List the compliance frameworks checks map to",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			reg, err := builtin.Registry()
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "KEY\tCHECKS\tFRAMEWORK")
			for _, f := range check.Frameworks {
				n := 0
				for _, c := range reg.All() {
					if c.HasFramework(f.Key) {
						n++
					}
				}
				fmt.Fprintf(tw, "%s\t%d\t%s\n", f.Key, n, f.Name)
			}
			return tw.Flush()
		},
	}
	cmd.AddCommand(list, show, frameworks)
	return cmd
}

func runChecksList(o checksListOptions, w io.Writer) error {
	reg, err := builtin.Registry()
	if err != nil {
		return err
	}
	sel := app.Selection{Providers: o.providers, Services: o.services, Frameworks: o.frameworks}
	if o.severity != "" {
		if sel.MinSeverity, err = check.ParseSeverity(o.severity); err != nil {
			return usageError{err}
		}
	}
	checks, err := app.Select(reg, sel)
	if err != nil {
		return usageError{err}
	}
	switch o.format {
	case "json":
		out := make([]checkJSON, 0, len(checks))
		for _, c := range checks {
			out = append(out, toCheckJSON(c))
		}
		return writeJSON(w, out)
	case "markdown":
		fmt.Fprintln(w, "| ID | Severity | Service | Title | Equivalents |")
		fmt.Fprintln(w, "|---|---|---|---|---|")
		for _, c := range checks {
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n", c.ID, c.Severity, c.Service, c.Title, strings.Join(equivalents(c), ", "))
		}
		return nil
	case "table", "":
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tSEVERITY\tSERVICE\tTITLE")
		for _, c := range checks {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", c.ID, c.Severity, c.Service, c.Title)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		_, err := fmt.Fprintf(w, "\n%d checks\n", len(checks))
		return err
	}
	return usagef("checks list: unknown format %q (want table, json or markdown)", o.format)
}

func runChecksShow(key, format string, w io.Writer) error {
	reg, err := builtin.Registry()
	if err != nil {
		return err
	}
	matches := reg.Match(key)
	if len(matches) == 0 {
		return usagef("checks show: no check %q", key)
	}
	for i, c := range matches {
		if format == "json" {
			if err := writeJSON(w, toCheckJSON(c)); err != nil {
				return err
			}
			continue
		}
		if i > 0 {
			fmt.Fprintln(w)
		}
		writeCheckText(w, c)
	}
	return nil
}

func writeCheckText(w io.Writer, c *check.Check) {
	fmt.Fprintf(w, "%s  %s\n%s\n\n", c.ID, c.Severity, c.Title)
	fmt.Fprintf(w, "Slug:      %s\nProvider:  %s\nService:   %s\n", c.Slug, c.Provider, c.Service)
	if eq := equivalents(c); len(eq) > 0 {
		fmt.Fprintf(w, "Also:      %s\n", strings.Join(eq, ", "))
	}
	fmt.Fprintf(w, "\nWhat it finds\n  %s\n\nWhy it matters\n  %s\n\nHow to fix it\n  %s\n", c.Description, c.Rationale, c.Remediation.Text)
	if c.Remediation.Terraform != "" {
		fmt.Fprintf(w, "\n%s\n", indent(c.Remediation.Terraform, "    "))
	}
	if len(c.Compliance) > 0 {
		fmt.Fprintln(w, "\nCompliance")
		for _, ctl := range c.Compliance {
			fmt.Fprintf(w, "  %-16s %s\n", ctl.Framework, ctl.ID)
		}
	}
	if len(c.References) > 0 {
		fmt.Fprintln(w, "\nReferences")
		for _, r := range c.References {
			fmt.Fprintf(w, "  %s\n", r)
		}
	}
	fmt.Fprintf(w, "\nSuppress with a comment above the resource or attribute:\n  # vigil:ignore:%s <reason>\n", c.ID)
}

func indent(s, prefix string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n")
}

func equivalents(c *check.Check) []string {
	var out []string
	out = append(out, c.Equivalents.AVD...)
	out = append(out, c.Equivalents.Tfsec...)
	out = append(out, c.Equivalents.Checkov...)
	return out
}

// checkJSON is the stable JSON form of a check's metadata.
type checkJSON struct {
	ID          string        `json:"id"`
	Slug        string        `json:"slug"`
	Title       string        `json:"title"`
	Provider    string        `json:"provider"`
	Service     string        `json:"service"`
	Severity    string        `json:"severity"`
	Description string        `json:"description"`
	Rationale   string        `json:"rationale"`
	Remediation string        `json:"remediation"`
	Terraform   string        `json:"remediation_terraform,omitempty"`
	References  []string      `json:"references"`
	Compliance  []controlJSON `json:"compliance"`
	Equivalents []string      `json:"equivalents,omitempty"`
}

type controlJSON struct {
	Framework string `json:"framework"`
	ID        string `json:"id"`
}

func toCheckJSON(c *check.Check) checkJSON {
	out := checkJSON{
		ID: c.ID, Slug: c.Slug, Title: c.Title, Provider: c.Provider, Service: c.Service,
		Severity: c.Severity.String(), Description: c.Description, Rationale: c.Rationale,
		Remediation: c.Remediation.Text, Terraform: c.Remediation.Terraform,
		References: c.References, Equivalents: equivalents(c), Compliance: []controlJSON{},
	}
	for _, ctl := range c.Compliance {
		out.Compliance = append(out.Compliance, controlJSON{ctl.Framework, ctl.ID})
	}
	return out
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
