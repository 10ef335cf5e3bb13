package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/vigil-sec/vigil/internal/iam/validate"
	"github.com/vigil-sec/vigil/internal/model"
	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
)

func newIAMValidateCmd(cio IO) *cobra.Command {
	var kind, failOn, format string
	cmd := &cobra.Command{
		Use:   "validate [--kind K] FILE...",
		Short: "Check policy documents for errors, security warnings and suggestions, as IAM Access Analyzer does",
		Long: `validate checks IAM policy documents (JSON files; - reads standard input)
and reports each problem with its line and column, its type (ERROR,
SECURITY_WARNING, WARNING, SUGGESTION) and Access Analyzer's issue code where
one exists.

--kind says what the policy is: identity, resource, trust, scp, rcp or
boundary; auto (the default) takes a policy with a Principal for a trust
policy when it grants only sts:AssumeRole actions, for a resource policy
otherwise, and one without for an identity policy.

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,
2 usage error.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			threshold, ok := parseFindingType(failOn)
			if !ok {
				return usagef("--fail-on must be error, security-warning, warning or suggestion, not %q", failOn)
			}
			if format != "text" && format != "json" {
				return usagef("--format must be text or json, not %q", format)
			}
			var fixed validate.Kind
			if kind != "auto" {
				if fixed, ok = validate.ParseKind(kind); !ok {
					return usagef("--kind must be auto, identity, resource, trust, scp, rcp or boundary, not %q", kind)
				}
			}
			var all []validate.Finding
			for _, name := range args {
				data, err := readPolicyInput(name, cio.Stdin)
				if err != nil {
					return usageError{err}
				}
				k := fixed
				if k == 0 {
					k = guessKind(string(data))
				}
				all = append(all, validate.Validate(string(data), k, name)...)
			}
			if format == "json" {
				if err := writeJSON(cio.Stdout, validationJSON(all)); err != nil {
					return err
				}
			} else if err := writeValidation(cio.Stdout, all, len(args)); err != nil {
				return err
			}
			for _, f := range all {
				if f.Type <= threshold {
					return errDenied
				}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&kind, "kind", "auto", "policy kind: auto, identity, resource, trust, scp, rcp or boundary")
	f.StringVar(&failOn, "fail-on", "security-warning", "exit 1 on findings of this type or more severe: error, security-warning, warning, suggestion")
	f.StringVarP(&format, "format", "f", "text", "output format: text or json")
	return cmd
}

func readPolicyInput(name string, stdin io.Reader) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(io.LimitReader(stdin, maxPolicyInput))
	}
	info, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if info.Size() > maxPolicyInput {
		return nil, fmt.Errorf("%s: %d bytes is not a policy document (AWS's largest policies are under 20 KB)", name, info.Size())
	}
	return os.ReadFile(name)
}

// maxPolicyInput bounds what validate reads: AWS caps policies at a few
// kilobytes, so anything far larger is not one.
const maxPolicyInput = 1 << 20

// guessKind tells an identity policy from a resource or trust policy by
// whether its statements name principals.
func guessKind(text string) validate.Kind {
	doc := iammodel.ParseDocument(model.Set(text, model.Origin{}))
	principal, assumeOnly := false, true
	for _, st := range doc.Statements {
		if st.Principal != nil || st.NotPrincipal != nil {
			principal = true
		}
		for _, a := range append(st.Action, st.NotAction...) {
			if !strings.HasPrefix(strings.ToLower(a), "sts:assumerole") && !strings.EqualFold(a, "sts:TagSession") && !strings.EqualFold(a, "sts:SetSourceIdentity") {
				assumeOnly = false
			}
		}
	}
	switch {
	case !principal:
		return validate.Identity
	case assumeOnly && len(doc.Statements) > 0:
		return validate.Trust
	}
	return validate.Resource
}

func parseFindingType(s string) (validate.Type, bool) {
	switch strings.ToLower(s) {
	case "error":
		return validate.Error, true
	case "security-warning", "security_warning":
		return validate.SecurityWarning, true
	case "warning":
		return validate.Warning, true
	case "suggestion":
		return validate.Suggestion, true
	}
	return 0, false
}

func writeValidation(w io.Writer, fs []validate.Finding, files int) error {
	ew := &errWriter{w: w}
	counts := map[validate.Type]int{}
	for _, f := range fs {
		counts[f.Type]++
		ew.printf("%s:%d:%d: %s %s: %s", f.Range.File, f.Range.StartLine, f.Range.StartCol, f.Type, f.Code, f.Message)
		if f.Path != "" {
			ew.printf(" (%s)", f.Path)
		}
		ew.printf("\n")
	}
	ew.printf("%d file(s): %d error(s), %d security warning(s), %d warning(s), %d suggestion(s)\n",
		files, counts[validate.Error], counts[validate.SecurityWarning], counts[validate.Warning], counts[validate.Suggestion])
	return ew.err
}

func validationJSON(fs []validate.Finding) any {
	type finding struct {
		File    string `json:"file"`
		Line    int    `json:"line"`
		Column  int    `json:"column"`
		EndLine int    `json:"end_line"`
		EndCol  int    `json:"end_column"`
		Type    string `json:"type"`
		Code    string `json:"code"`
		Message string `json:"message"`
		Path    string `json:"path,omitempty"`
	}
	out := []finding{}
	for _, f := range fs {
		out = append(out, finding{f.Range.File, f.Range.StartLine, f.Range.StartCol, f.Range.EndLine, f.Range.EndCol, f.Type.String(), string(f.Code), f.Message, f.Path})
	}
	return out
}
