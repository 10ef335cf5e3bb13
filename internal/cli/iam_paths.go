package cli

import (
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/vigil-sec/vigil/internal/app"
	"github.com/vigil-sec/vigil/internal/iam"
	"github.com/vigil-sec/vigil/internal/iam/escalation"
)

func newIAMPathsCmd(cio IO) *cobra.Command {
	var (
		ef          estateFlags
		principal   string
		conditional bool
	)
	cmd := &cobra.Command{
		Use:   "paths [TARGET]",
		Short: "Find every principal that can escalate to administrator, with the shortest path as evidence",
		Long: `paths builds the privilege-escalation graph (policy versions, attaching and
writing policies, group membership, credentials for other users, trust policy
updates, passing roles to services that run code, code and commands on
workloads that run with roles, boundary and deny removal, tags, role chains)
and prints, for every user and role that can reach administrator, one shortest
path with the statements that grant each step.

Exit codes: 0 no principal can escalate, 1 some can, 2 usage error.
Paths that rest on conditions nobody knows (MFA, source IP) are listed only
with --conditional and do not change the exit code.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ef.accountFrom(principal)
			res, err := ef.load(cmd.Context(), targetArg(args), cio)
			if err != nil {
				return err
			}
			result, err := escalation.Analyze(cmd.Context(), res.Estate, escalation.Options{})
			if err != nil {
				return err
			}
			paths := result.Paths
			if principal != "" {
				p, err := res.Estate.Find(principal)
				if err != nil {
					return usageError{err}
				}
				paths = nil
				for _, path := range result.Paths {
					if path.Principal == p {
						paths = append(paths, path)
					}
				}
			}
			var shown []escalation.Path
			certain := 0
			for _, p := range paths {
				if !p.Conditional {
					certain++
				}
				if !p.Conditional || conditional {
					shown = append(shown, p)
				}
			}
			if ef.format == "json" {
				err = writeJSON(cio.Stdout, pathsJSON(res, result.Admins, shown))
			} else {
				err = writePaths(cio.Stdout, res, result.Admins, shown, len(paths)-certain, conditional)
			}
			if err != nil {
				return err
			}
			if certain > 0 {
				return errDenied
			}
			return nil
		},
	}
	ef.register(cmd)
	cmd.Flags().StringVarP(&principal, "principal", "p", "", "show only this principal's path")
	cmd.Flags().BoolVar(&conditional, "conditional", false, "also list paths that hold only if conditions on unknown request context do")
	return cmd
}

func writePaths(w io.Writer, res *app.EstateResult, admins []*iam.Principal, paths []escalation.Path, hiddenConditional int, showConditional bool) error {
	ew := &errWriter{w: w}
	ew.printf("%d admin-equivalent principal(s)", len(admins))
	if len(admins) > 0 {
		names := make([]string, 0, len(admins))
		for _, a := range admins {
			names = append(names, a.String())
		}
		ew.printf(": %s", strings.Join(names, ", "))
	}
	ew.printf("\n")
	if len(paths) == 0 {
		ew.printf("No principal can escalate to administrator.\n")
	}
	for _, p := range paths {
		head := "can escalate"
		if p.Conditional {
			head = "can escalate if conditions hold"
		}
		target := "administrator"
		if p.Admin != nil {
			target = p.Admin.String()
		}
		ew.printf("\n%s %s to %s in %d step(s)%s\n", p.Principal, head, target, len(p.Edges), where(res, p.Principal))
		for i, e := range p.Edges {
			to := "administrator"
			if e.To != nil {
				to = e.To.String()
			}
			via := ""
			if e.Via != "" {
				via = " via " + e.Via
			}
			ew.printf("  %d. %s → %s: %s [%s]%s\n", i+1, e.From, to, e.Technique.Name, e.Technique.ID, via)
			for _, s := range e.Steps {
				ew.printf("       %s on %s\n", s.Action, s.Resource)
				for _, ref := range s.Decision.Allowed {
					ew.printf("         granted by %s\n", describeRef(res, ref))
				}
				for _, c := range s.Decision.Caveats {
					ew.printf("         %s\n", describeCaveat(res, c))
				}
			}
		}
	}
	if hiddenConditional > 0 && !showConditional {
		ew.printf("\n%d more principal(s) can escalate only if conditions on unknown request context hold (--conditional lists them).\n", hiddenConditional)
	}
	return ew.err
}

func pathsJSON(res *app.EstateResult, admins []*iam.Principal, paths []escalation.Path) any {
	type step struct {
		Action    string       `json:"action"`
		Resource  string       `json:"resource"`
		GrantedBy []refJSON    `json:"granted_by"`
		Caveats   []caveatJSON `json:"caveats"`
	}
	type edge struct {
		From        string `json:"from"`
		To          string `json:"to"`
		Technique   string `json:"technique"`
		Name        string `json:"name"`
		Via         string `json:"via,omitempty"`
		Conditional bool   `json:"conditional"`
		Steps       []step `json:"steps"`
	}
	type path struct {
		Principal   string `json:"principal"`
		Location    string `json:"location,omitempty"`
		Target      string `json:"target"`
		Conditional bool   `json:"conditional"`
		Edges       []edge `json:"edges"`
	}
	out := struct {
		Admins []string `json:"admin_equivalent"`
		Paths  []path   `json:"paths"`
	}{Admins: []string{}, Paths: []path{}}
	for _, a := range admins {
		out.Admins = append(out.Admins, a.ARN)
	}
	for _, p := range paths {
		jp := path{Principal: p.Principal.ARN, Location: res.Display(p.Principal.Resource.Origin.Range.String()), Target: "administrator", Conditional: p.Conditional}
		if p.Admin != nil {
			jp.Target = p.Admin.ARN
		}
		for _, e := range p.Edges {
			je := edge{From: e.From.ARN, To: "administrator", Technique: e.Technique.ID, Name: e.Technique.Name, Via: e.Via, Conditional: e.Conditional}
			if e.To != nil {
				je.To = e.To.ARN
			}
			for _, s := range e.Steps {
				js := step{Action: s.Action, Resource: s.Resource, GrantedBy: []refJSON{}, Caveats: []caveatJSON{}}
				for _, ref := range s.Decision.Allowed {
					js.GrantedBy = append(js.GrantedBy, toRefJSON(res, ref))
				}
				for _, c := range s.Decision.Caveats {
					js.Caveats = append(js.Caveats, caveatJSON{refJSON: toRefJSON(res, c.StatementRef), Operator: c.Condition.Operator, Key: c.Condition.Key, Values: c.Condition.Values, Unless: c.Unless})
				}
				je.Steps = append(je.Steps, js)
			}
			jp.Edges = append(jp.Edges, je)
		}
		out.Paths = append(out.Paths, jp)
	}
	return out
}
