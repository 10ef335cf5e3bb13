package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/vigil-sec/vigil/internal/iam"
	"github.com/vigil-sec/vigil/internal/iam/catalog"
	"github.com/vigil-sec/vigil/internal/iam/usage"
)

func newIAMLeastPrivilegeCmd(cio IO) *cobra.Command {
	var (
		ef               estateFlags
		trail, principal string
		days, collapse   int
		until            string
	)
	cmd := &cobra.Command{
		Use:   "least-privilege --cloudtrail DIR --principal P [TARGET]",
		Short: "Write a minimal policy from what a principal did in CloudTrail, and compare it with what it is granted",
		Long: `least-privilege reads CloudTrail logs (the S3 export layout
AWSLogs/<account>/CloudTrail/<region>/<yyyy>/<mm>/<dd>/*.json.gz, or any
directory of .json/.json.gz files) for the window ending at --until, and writes
the smallest policy that allows what the principal did, grouped by service,
with resource ARNs where the events show them.

With a TARGET (Terraform or an authorization-details snapshot), it also shows
what the principal is granted but did not use, and what it did without being
granted.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if trail == "" || principal == "" {
				return usagef("iam least-privilege: --cloudtrail and --principal are required")
			}
			if days <= 0 {
				return usagef("--days must be positive")
			}
			end := time.Now().UTC()
			if until != "" {
				t, err := time.Parse(time.DateOnly, until)
				if err == nil {
					t = t.AddDate(0, 0, 1) // the whole day named
				} else if t, err = time.Parse(time.RFC3339, until); err != nil {
					return usagef("--until %q: want YYYY-MM-DD or RFC 3339", until)
				}
				end = t
			}
			sel, err := usage.ParseSelector(principal)
			if err != nil {
				return usageError{err}
			}
			root, err := os.OpenRoot(trail)
			if err != nil {
				return usageError{fmt.Errorf("--cloudtrail: %w", err)}
			}
			defer root.Close()
			cat := catalog.Load()
			rep, err := usage.Collect(cmd.Context(), root.FS(), cat, sel, usage.ReadOptions{Since: end.AddDate(0, 0, -days), Until: end})
			if err != nil {
				return err
			}
			for _, d := range rep.Diagnostics {
				d.Range.File = filepath.ToSlash(filepath.Join(trail, filepath.FromSlash(d.Range.File)))
				fmt.Fprintf(cio.Stderr, "vigil: %s: %s\n", d.Range.String(), d.Summary)
			}
			u := rep.Usage(sel)
			if u == nil {
				return fmt.Errorf("no event of %s in %s between %s and %s (%d files, %d events read)",
					principal, trail, end.AddDate(0, 0, -days).Format(time.DateOnly), end.Format(time.DateOnly), rep.Stats.Files, rep.Stats.Events)
			}
			pol := u.Policy(usage.PolicyOptions{Collapse: collapse})
			var cmp *usage.Comparison
			if len(args) == 1 {
				res, p, err := ef.loadPrincipal(cmd.Context(), args[0], principal, cio)
				if err != nil {
					return err
				}
				granted := grantedActions(res.Estate, p)
				cmp = u.Compare(cat, func(a string) bool { return granted[strings.ToLower(a)] }, nil)
			}
			if ef.format == "json" {
				return writeJSON(cio.Stdout, leastPrivilegeJSON(u, pol, cmp))
			}
			return writeLeastPrivilege(cio.Stdout, u, pol, cmp)
		},
	}
	ef.register(cmd)
	f := cmd.Flags()
	f.StringVar(&trail, "cloudtrail", "", "directory of CloudTrail log files")
	f.StringVarP(&principal, "principal", "p", "", "the user or role: an ARN, role/NAME or user/NAME")
	f.IntVar(&days, "days", 90, "length of the window in days")
	f.StringVar(&until, "until", "", "end of the window: YYYY-MM-DD (that day included) or RFC 3339 (default: now)")
	f.IntVar(&collapse, "collapse", 0, "resources of one parent (objects of a bucket) above which the policy names the parent's wildcard (0: the default)")
	return cmd
}

// grantedActions is the set of actions (lower case) p may perform on some
// resource, by full evaluation.
func grantedActions(e *iam.Estate, p *iam.Principal) map[string]bool {
	out := map[string]bool{}
	for _, sp := range e.Permissions(p).Services {
		for _, g := range sp.Grants {
			out[strings.ToLower(g.Action.String())] = true
		}
	}
	return out
}

func writeLeastPrivilege(w io.Writer, u *usage.Usage, pol *usage.Policy, cmp *usage.Comparison) error {
	ew := &errWriter{w: w}
	ew.printf("# %s: %d calls, %d actions, from %s to %s\n", u.Principal.ARN, u.Calls, len(u.Actions), stamp(u.First), stamp(u.Last))
	for _, wc := range pol.Wildcards {
		ew.printf("# %s is granted on \"*\": %s\n", wc.Action, wc.Why)
	}
	for _, um := range u.Unmapped {
		ew.printf("# not in the policy: %s %s (%d calls): %s\n", um.Source, um.Name, um.Calls, um.Reason)
	}
	ew.printf("%s\n", pol.JSON())
	if cmp == nil {
		return ew.err
	}
	ew.printf("\nCompared with what %s is granted:\n", u.Principal.ARN)
	ew.printf("  used and granted:     %d actions\n", len(cmp.UsedGranted))
	if len(cmp.UsedNotGranted) > 0 {
		ew.printf("  used but not granted: %s\n", actionList(cmp.UsedNotGranted))
	}
	if len(cmp.DeniedGranted) > 0 {
		ew.printf("  refused although granted (something else denies them): %s\n", actionList(cmp.DeniedGranted))
	}
	total := 0
	for _, g := range cmp.Unused {
		total += len(g.Actions)
	}
	ew.printf("  granted but unused:   %d actions\n", total)
	for _, g := range cmp.Unused {
		names := make([]string, 0, len(g.Actions))
		for _, a := range g.Actions {
			names = append(names, a.Name)
		}
		if len(names) > 8 {
			names = append(names[:8], fmt.Sprintf("and %d more", len(g.Actions)-8))
		}
		ew.printf("    %-24s %-24s %s\n", g.Service, g.Level, strings.Join(names, ", "))
	}
	return ew.err
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format(time.RFC3339)
}

func actionList(as []*usage.ActionUse) string {
	names := make([]string, 0, len(as))
	for _, a := range as {
		names = append(names, a.Action.String())
	}
	return strings.Join(names, ", ")
}

func leastPrivilegeJSON(u *usage.Usage, pol *usage.Policy, cmp *usage.Comparison) any {
	type unused struct {
		Service string   `json:"service"`
		Level   string   `json:"access_level"`
		Actions []string `json:"actions"`
	}
	out := struct {
		Principal      string          `json:"principal"`
		Calls          int             `json:"calls"`
		Policy         json.RawMessage `json:"policy"`
		UsedNotGranted []string        `json:"used_not_granted,omitempty"`
		DeniedGranted  []string        `json:"denied_although_granted,omitempty"`
		Unused         []unused        `json:"granted_unused,omitempty"`
		Compared       bool            `json:"compared_with_grants"`
	}{Principal: u.Principal.ARN, Calls: u.Calls, Policy: pol.JSON(), Compared: cmp != nil}
	if cmp != nil {
		for _, a := range cmp.UsedNotGranted {
			out.UsedNotGranted = append(out.UsedNotGranted, a.Action.String())
		}
		for _, a := range cmp.DeniedGranted {
			out.DeniedGranted = append(out.DeniedGranted, a.Action.String())
		}
		for _, g := range cmp.Unused {
			ug := unused{Service: g.Service, Level: g.Level.String()}
			for _, a := range g.Actions {
				ug.Actions = append(ug.Actions, a.String())
			}
			out.Unused = append(out.Unused, ug)
		}
	}
	return out
}
