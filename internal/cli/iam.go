package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/vigil-sec/vigil/internal/app"
	"github.com/vigil-sec/vigil/internal/iam"
	"github.com/vigil-sec/vigil/internal/iam/condition"
	"github.com/vigil-sec/vigil/internal/model"
	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
	"github.com/vigil-sec/vigil/internal/source/terraform"
)

// ExitConditional is `vigil iam can`'s answer when the request is allowed
// only if conditions on request context nobody knows hold.
const ExitConditional = 4

var (
	errDenied      = errors.New("denied")
	errConditional = errors.New("allowed only under conditions")
)

// estateFlags are the flags every `vigil iam` command that reads an estate
// takes.
type estateFlags struct {
	account      string
	vars         []string
	varFiles     []string
	format       string
	allowPartial bool
	scps, rcps   []string
	// incomplete records that some input could not be read.
	incomplete bool
}

func (f *estateFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.account, "account", "", "account ID of IaC resources (default: the account of a --principal ARN, else a placeholder, 000000000000)")
	fl.StringArrayVar(&f.vars, "var", nil, "set a Terraform variable: NAME=VALUE (repeatable)")
	fl.StringArrayVar(&f.varFiles, "var-file", nil, "read Terraform variables from a file (repeatable)")
	fl.StringVarP(&f.format, "format", "f", "text", "output format: text or json")
	fl.BoolVar(&f.allowPartial, "allow-partial", false, "do not exit 3 when some input could not be read")
	fl.StringArrayVar(&f.scps, "scp", nil, "a service control policy (JSON file) that applies to the estate's accounts (repeatable)")
	fl.StringArrayVar(&f.rcps, "rcp", nil, "a resource control policy (JSON file) that applies to the estate's accounts (repeatable)")
	// An answer about an estate read in part is printed, but the exit code
	// says it is incomplete, as scan's does.
	run := cmd.RunE
	cmd.RunE = func(c *cobra.Command, args []string) error {
		err := run(c, args)
		if f.incomplete && !f.allowPartial && (err == nil || errors.Is(err, errDenied) || errors.Is(err, errConditional)) {
			return errIncomplete
		}
		return err
	}
}

// accountFrom takes the IaC account from a principal given by ARN when
// --account is not set: asking about arn:aws:iam::111122223333:role/app of a
// Terraform configuration means the configuration deploys to that account.
func (f *estateFlags) accountFrom(principal string) {
	if f.account != "" || !strings.HasPrefix(principal, "arn:") {
		return
	}
	if parts := strings.SplitN(principal, ":", 6); len(parts) == 6 && len(parts[4]) == 12 {
		f.account = parts[4]
	}
}

// loadPrincipal loads the estate and finds the principal a command is about.
func (f *estateFlags) loadPrincipal(ctx context.Context, target, principal string, cio IO) (*app.EstateResult, *iam.Principal, error) {
	f.accountFrom(principal)
	res, err := f.load(ctx, target, cio)
	if err != nil {
		return nil, nil, err
	}
	p, err := res.Estate.Find(principal)
	if err != nil {
		return nil, nil, usageError{err}
	}
	return res, p, nil
}

func (f *estateFlags) load(ctx context.Context, target string, cio IO) (*app.EstateResult, error) {
	if f.format != "text" && f.format != "json" {
		return nil, usagef("--format must be text or json, not %q", f.format)
	}
	vars, err := parseVars(f.vars)
	if err != nil {
		return nil, err
	}
	res, err := app.LoadEstate(ctx, app.EstateOptions{
		Target:    target,
		Account:   f.account,
		Terraform: terraform.Options{Vars: vars, VarFiles: f.varFiles, Env: cio.Env},
	})
	if errors.Is(err, app.ErrNoTarget) {
		return nil, usageError{err}
	}
	if err != nil {
		return nil, err
	}
	for _, d := range res.Diagnostics {
		if d.Severity == model.DiagError {
			fmt.Fprintf(cio.Stderr, "vigil: %s: %s\n", res.Display(d.Range.String()), d.Summary)
		}
	}
	if err := f.applyOrgPolicies(res.Estate); err != nil {
		return nil, err
	}
	if res.Diagnostics.HasErrors() {
		f.incomplete = true
		fmt.Fprintln(cio.Stderr, "vigil: some input could not be read; the answer covers what could (exit 3 unless --allow-partial)")
	}
	return res, nil
}

// applyOrgPolicies puts the SCPs and RCPs given on the command line above
// every account of the estate: the organization's policies are in neither
// Terraform of a member account nor an authorization-details snapshot.
func (f *estateFlags) applyOrgPolicies(e *iam.Estate) error {
	if len(f.scps)+len(f.rcps) == 0 {
		return nil
	}
	level := iam.OrgLevel{Name: "the policies given with --scp and --rcp"}
	for _, name := range f.scps {
		p, err := readPolicyFile(name, iam.SCP)
		if err != nil {
			return err
		}
		level.SCPs = append(level.SCPs, p)
	}
	for _, name := range f.rcps {
		p, err := readPolicyFile(name, iam.RCP)
		if err != nil {
			return err
		}
		level.RCPs = append(level.RCPs, p)
	}
	for _, p := range e.Principals {
		if e.Accounts[p.Account] == nil {
			e.Accounts[p.Account] = &iam.Account{ID: p.Account}
		}
	}
	for _, a := range e.Accounts {
		a.Levels = append(a.Levels, level)
	}
	return nil
}

func newIAMCmd(cio IO) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "iam",
		Short: "Analyse AWS identities: who can do what, escalation paths, least privilege",
		Long: `The iam commands evaluate AWS policies as AWS does (explicit deny, SCPs and
RCPs, resource-based policies and cross-account rules, permissions boundaries,
session policies, conditions) over an estate read from Terraform (a directory,
a .tf file's directory or a plan JSON) or from the output of
"aws iam get-account-authorization-details" (JSON, optionally .gz).

When a decision rests on request context nobody knows (the caller's IP
address, MFA, a tag), the answer is "allowed if ..." with the conditions, never
a guess.`,
	}
	cmd.AddCommand(newIAMCanCmd(cio), newIAMWhoCanCmd(cio), newIAMPermissionsCmd(cio), newIAMPathsCmd(cio), newIAMLeastPrivilegeCmd(cio), newIAMValidateCmd(cio))
	return cmd
}

func newIAMCanCmd(cio IO) *cobra.Command {
	var (
		ef                            estateFlags
		principal, action, resource   string
		contextKV                     []string
		sessionPolicy, resourcePolicy string
		closedContext                 bool
	)
	cmd := &cobra.Command{
		Use:   "can --principal P --action A [--resource ARN] [TARGET]",
		Short: "Decide whether a principal may perform an action on a resource",
		Long: `can evaluates one request. Exit codes: 0 allowed, 1 denied, 4 allowed only if
conditions on unknown request context hold, 2 usage error.

--principal takes an ARN, "role/NAME", "user/NAME", a bare name, or a
Terraform address (aws_iam_role.app).`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if principal == "" || action == "" {
				return usagef("iam can: --principal and --action are required")
			}
			ctxKeys, err := parseContext(contextKV, closedContext)
			if err != nil {
				return err
			}
			res, p, err := ef.loadPrincipal(cmd.Context(), targetArg(args), principal, cio)
			if err != nil {
				return err
			}
			req := iam.Request{Principal: p, Action: action, Resource: resource, Context: ctxKeys}
			if req.Session, err = readPolicyFile(sessionPolicy, iam.SessionPolicy); err != nil {
				return err
			}
			if req.ResourcePolicy, err = readPolicyFile(resourcePolicy, iam.ResourcePolicy); err != nil {
				return err
			}
			d := res.Estate.Evaluate(req)
			if ef.format == "json" {
				err = writeJSON(cio.Stdout, decisionJSON(res, req, d))
			} else {
				err = writeDecision(cio.Stdout, res, req, d)
			}
			if err != nil {
				return err
			}
			switch {
			case d.Effect != iam.Allow:
				return errDenied
			case d.Conditional:
				return errConditional
			}
			return nil
		},
	}
	ef.register(cmd)
	f := cmd.Flags()
	f.StringVarP(&principal, "principal", "p", "", "the principal making the request")
	f.StringVarP(&action, "action", "a", "", "the action, e.g. s3:GetObject")
	f.StringVarP(&resource, "resource", "r", "*", "the resource ARN")
	f.StringArrayVarP(&contextKV, "context", "c", nil, "a request context key: KEY=VALUE[,VALUE] (repeatable)")
	f.BoolVar(&closedContext, "closed-context", false, "context keys not given are absent from the request rather than unknown")
	f.StringVar(&sessionPolicy, "session-policy", "", "a session policy document (JSON file) passed when the role was assumed")
	f.StringVar(&resourcePolicy, "resource-policy", "", "the resource's policy document (JSON file), when the estate does not hold it")
	return cmd
}

func newIAMWhoCanCmd(cio IO) *cobra.Command {
	var (
		ef               estateFlags
		action, resource string
		contextKV        []string
	)
	cmd := &cobra.Command{
		Use:   "who-can --action A [--resource ARN] [TARGET]",
		Short: "List the principals that may perform an action on a resource",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if action == "" {
				return usagef("iam who-can: --action is required")
			}
			ctxKeys, err := parseContext(contextKV, false)
			if err != nil {
				return err
			}
			res, err := ef.load(cmd.Context(), targetArg(args), cio)
			if err != nil {
				return err
			}
			type hit struct {
				p *iam.Principal
				d iam.Decision
			}
			var hits []hit
			everyone := mayGrantWithoutIdentity(res.Estate, resource)
			for _, p := range res.Estate.Principals {
				if p.Type == iam.Group || !everyone && !res.Estate.Allows(p, action) {
					continue
				}
				d := res.Estate.Evaluate(iam.Request{Principal: p, Action: action, Resource: resource, Context: ctxKeys})
				if d.Effect == iam.Allow {
					hits = append(hits, hit{p, d})
				}
			}
			if ef.format == "json" {
				out := []any{}
				for _, h := range hits {
					out = append(out, decisionJSON(res, iam.Request{Principal: h.p, Action: action, Resource: resource}, h.d))
				}
				return writeJSON(cio.Stdout, out)
			}
			if len(hits) == 0 {
				_, err := fmt.Fprintf(cio.Stdout, "No principal may perform %s on %s.\n", action, resource)
				return err
			}
			w := &errWriter{w: cio.Stdout}
			w.printf("%d principal(s) may perform %s on %s:\n\n", len(hits), action, resource)
			for _, h := range hits {
				verdict := "allowed"
				if h.d.Conditional {
					verdict = "allowed if"
				}
				w.printf("  %-11s %s%s\n", verdict, h.p.ARN, where(res, h.p))
				for _, ref := range h.d.Allowed {
					w.printf("              via %s\n", describeRef(res, ref))
				}
				for _, c := range h.d.Caveats {
					w.printf("              %s\n", describeCaveat(res, c))
				}
			}
			return w.err
		},
	}
	ef.register(cmd)
	f := cmd.Flags()
	f.StringVarP(&action, "action", "a", "", "the action, e.g. iam:PassRole")
	f.StringVarP(&resource, "resource", "r", "*", "the resource ARN")
	f.StringArrayVarP(&contextKV, "context", "c", nil, "a request context key: KEY=VALUE[,VALUE] (repeatable)")
	return cmd
}

// mayGrantWithoutIdentity: a resource policy (or a role's trust policy) may
// grant without any identity policy, so who-can must not skip principals on
// the identity pre-filter alone.
func mayGrantWithoutIdentity(e *iam.Estate, resource string) bool {
	if resource == "*" || resource == "" {
		return false
	}
	bucket, _, _ := strings.Cut(resource, "/")
	return e.ResourceByARN(resource) != nil || e.ResourceByARN(bucket) != nil || e.PrincipalByARN(resource) != nil
}

func newIAMPermissionsCmd(cio IO) *cobra.Command {
	var (
		ef        estateFlags
		principal string
		verbose   bool
	)
	cmd := &cobra.Command{
		Use:   "permissions --principal P [TARGET]",
		Short: "Show a principal's effective permissions by service and access level",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if principal == "" {
				return usagef("iam permissions: --principal is required")
			}
			res, p, err := ef.loadPrincipal(cmd.Context(), targetArg(args), principal, cio)
			if err != nil {
				return err
			}
			perms := res.Estate.Permissions(p)
			if ef.format == "json" {
				return writeJSON(cio.Stdout, permissionsJSON(perms))
			}
			return writePermissions(cio.Stdout, res, perms, verbose)
		},
	}
	ef.register(cmd)
	cmd.Flags().StringVarP(&principal, "principal", "p", "", "the principal")
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "list every allowed action with its resources")
	return cmd
}

// where says where a principal is defined, as "  (file:line)", or "" for
// live principals, whose ARN says it all.
func where(res *app.EstateResult, p *iam.Principal) string {
	if loc := res.Display(p.Resource.Origin.Range.String()); loc != "" {
		return "  (" + loc + ")"
	}
	return ""
}

func targetArg(args []string) string {
	if len(args) == 1 {
		return args[0]
	}
	return "."
}

func parseContext(kvs []string, closed bool) (*condition.Context, error) {
	if len(kvs) == 0 && !closed {
		return nil, nil
	}
	c := &condition.Context{Closed: closed}
	for _, kv := range kvs {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return nil, usagef("--context %q: want KEY=VALUE", kv)
		}
		c.Set(k, strings.Split(v, ",")...)
	}
	return c, nil
}

func readPolicyFile(name string, kind iam.PolicyKind) (*iam.Policy, error) {
	if name == "" {
		return nil, nil
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, usageError{err}
	}
	doc := iammodel.ParseDocument(model.Set(string(data), model.Origin{Range: model.Range{File: name}}))
	if doc.Err != "" {
		return nil, usagef("%s: %s", name, doc.Err)
	}
	return iam.NewPolicy(kind, name, doc), nil
}

// errWriter keeps the first write error so printing code stays linear.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

// describeRef names a statement with where it is written.
func describeRef(res *app.EstateResult, ref iam.StatementRef) string {
	st := ref.Statement()
	s := fmt.Sprintf("%s, statement %d", ref.Policy.Label(), ref.Index+1)
	if st.Sid != "" {
		s += fmt.Sprintf(" (%q)", st.Sid)
	}
	if loc := statementLocation(res, ref); loc != "" {
		s += " at " + loc
	}
	return s
}

func statementLocation(res *app.EstateResult, ref iam.StatementRef) string {
	o := ref.Statement().Origin
	if o.Range.File == "" {
		o = ref.Policy.Source.Origin
	}
	switch {
	case o.Range.File != "":
		return res.Display(o.Range.String())
	case o.ARN != "":
		return o.ARN
	}
	return ""
}

func describeCaveat(res *app.EstateResult, c iam.Caveat) string {
	word := "if"
	if c.Unless {
		word = "unless"
	}
	var cond string
	if c.Condition.Operator == iam.Unresolved {
		cond = fmt.Sprintf("the unresolved %s value %s matches", c.Condition.Key, strings.Join(c.Condition.Values, ", "))
	} else {
		cond = fmt.Sprintf("%s %s = %s", c.Condition.Operator, c.Condition.Key, strings.Join(c.Condition.Values, ", "))
	}
	return fmt.Sprintf("%s %s  (%s)", word, cond, describeRef(res, c.StatementRef))
}

func writeDecision(w io.Writer, res *app.EstateResult, r iam.Request, d iam.Decision) error {
	ew := &errWriter{w: w}
	verdict := "DENIED"
	switch {
	case d.Effect == iam.Allow && d.Conditional:
		verdict = "ALLOWED IF"
	case d.Effect == iam.Allow:
		verdict = "ALLOWED"
	case d.Effect == iam.ExplicitDeny:
		verdict = "DENIED (explicit deny)"
	}
	resource := r.Resource
	if resource == "" {
		resource = "*"
	}
	ew.printf("%s  %s → %s on %s\n", verdict, r.Principal.ARN, r.Action, resource)
	if d.Effect != iam.Allow || d.Conditional {
		ew.printf("  %s\n", d.Reason)
	}
	for _, ref := range d.Allowed {
		ew.printf("  allowed by %s\n", describeRef(res, ref))
	}
	for _, ref := range d.Denied {
		ew.printf("  denied by %s\n", describeRef(res, ref))
	}
	for _, c := range d.Caveats {
		ew.printf("  %s\n", describeCaveat(res, c))
	}
	if !r.Principal.Complete {
		ew.printf("  note: some policies of %s could not be read; it may have more permissions than shown\n", r.Principal)
	}
	return ew.err
}

type refJSON struct {
	Policy    string `json:"policy"`
	Kind      string `json:"kind"`
	Statement int    `json:"statement"`
	Sid       string `json:"sid,omitempty"`
	Location  string `json:"location,omitempty"`
}

type caveatJSON struct {
	refJSON
	Operator string   `json:"operator"`
	Key      string   `json:"key"`
	Values   []string `json:"values"`
	Unless   bool     `json:"unless,omitempty"`
}

func toRefJSON(res *app.EstateResult, ref iam.StatementRef) refJSON {
	name := ref.Policy.Name
	if name == "" {
		name = ref.Policy.ARN
	}
	return refJSON{Policy: name, Kind: ref.Policy.Kind.String(), Statement: ref.Index + 1, Sid: ref.Statement().Sid, Location: statementLocation(res, ref)}
}

func decisionJSON(res *app.EstateResult, r iam.Request, d iam.Decision) any {
	out := struct {
		Principal   string       `json:"principal"`
		Action      string       `json:"action"`
		Resource    string       `json:"resource"`
		Decision    string       `json:"decision"`
		Conditional bool         `json:"conditional"`
		Reason      string       `json:"reason"`
		AllowedBy   []refJSON    `json:"allowed_by"`
		DeniedBy    []refJSON    `json:"denied_by"`
		Caveats     []caveatJSON `json:"caveats"`
		Complete    bool         `json:"principal_policies_complete"`
	}{Principal: r.Principal.ARN, Action: r.Action, Resource: r.Resource, Decision: d.Effect.String(), Conditional: d.Conditional, Reason: d.Reason,
		AllowedBy: []refJSON{}, DeniedBy: []refJSON{}, Caveats: []caveatJSON{}, Complete: r.Principal.Complete}
	if out.Resource == "" {
		out.Resource = "*"
	}
	for _, ref := range d.Allowed {
		out.AllowedBy = append(out.AllowedBy, toRefJSON(res, ref))
	}
	for _, ref := range d.Denied {
		out.DeniedBy = append(out.DeniedBy, toRefJSON(res, ref))
	}
	for _, c := range d.Caveats {
		out.Caveats = append(out.Caveats, caveatJSON{refJSON: toRefJSON(res, c.StatementRef), Operator: c.Condition.Operator, Key: c.Condition.Key, Values: c.Condition.Values, Unless: c.Unless})
	}
	return out
}

func writePermissions(w io.Writer, res *app.EstateResult, perms iam.Permissions, verbose bool) error {
	ew := &errWriter{w: w}
	p := perms.Principal
	ew.printf("Effective permissions of %s%s\n", p.ARN, where(res, p))
	if perms.Admin {
		ew.printf("  ADMIN-EQUIVALENT: every action of every service is allowed on every resource\n")
		if !verbose {
			ew.printf("  (--verbose lists them by service)\n")
			return ew.err
		}
	}
	if !p.Complete {
		ew.printf("  note: some policies could not be read; the principal may have more permissions than shown\n")
	}
	if len(perms.Services) == 0 {
		ew.printf("  no action is allowed\n")
	}
	for _, sp := range perms.Services {
		ew.printf("\n  %s (%s)\n", sp.Service.Prefix, sp.Service.Name)
		for _, lc := range sp.Levels {
			if lc.Allowed+lc.Conditional == 0 {
				continue
			}
			line := fmt.Sprintf("    %-24s %4d of %4d", lc.Level, lc.Allowed+lc.Conditional, lc.Total)
			if lc.Conditional > 0 {
				line += fmt.Sprintf("  (%d only if conditions hold)", lc.Conditional)
			}
			ew.printf("%s\n", line)
		}
		if verbose {
			for _, g := range sp.Grants {
				cond := ""
				if g.Conditional {
					cond = "  (if conditions hold)"
				}
				ew.printf("      %s on %s%s\n", g.Action, strings.Join(g.Resources, ", "), cond)
			}
		}
	}
	if len(perms.Unknown) > 0 {
		ew.printf("\n  actions the policies name that AWS does not define: %s\n", strings.Join(perms.Unknown, ", "))
	}
	return ew.err
}

func permissionsJSON(perms iam.Permissions) any {
	type grant struct {
		Action      string   `json:"action"`
		Level       string   `json:"access_level"`
		Resources   []string `json:"resources"`
		Conditional bool     `json:"conditional"`
	}
	type level struct {
		Level       string `json:"access_level"`
		Allowed     int    `json:"allowed"`
		Conditional int    `json:"conditional"`
		Total       int    `json:"total"`
	}
	type service struct {
		Service string  `json:"service"`
		Name    string  `json:"name"`
		Levels  []level `json:"levels"`
		Grants  []grant `json:"actions"`
	}
	out := struct {
		Principal string    `json:"principal"`
		Admin     bool      `json:"admin_equivalent"`
		Complete  bool      `json:"policies_complete"`
		Services  []service `json:"services"`
		Unknown   []string  `json:"unknown_actions"`
	}{Principal: perms.Principal.ARN, Admin: perms.Admin, Complete: perms.Principal.Complete, Services: []service{}, Unknown: perms.Unknown}
	if out.Unknown == nil {
		out.Unknown = []string{}
	}
	for _, sp := range perms.Services {
		s := service{Service: sp.Service.Prefix, Name: sp.Service.Name}
		for _, lc := range sp.Levels {
			s.Levels = append(s.Levels, level{lc.Level.String(), lc.Allowed, lc.Conditional, lc.Total})
		}
		for _, g := range sp.Grants {
			s.Grants = append(s.Grants, grant{g.Action.String(), g.Action.Level.String(), g.Resources, g.Conditional})
		}
		out.Services = append(out.Services, s)
	}
	return out
}
