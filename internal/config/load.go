package config

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/textdist"
	"go.yaml.in/yaml/v3"
)

// Error is one problem at a place in a config file. Load joins every problem
// it finds, so one run reports all of them; match with errors.AsType.
type Error struct {
	File   string
	Line   int
	Column int
	Msg    string
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return e.File + ": " + e.Msg
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
}

// dateLayout is how expiry dates are written, in config files and in
// suppression comments alike.
const dateLayout = "2006-01-02"

// Load reads the config file at path strictly: unknown keys, values of the
// wrong type, unknown severities, formats or frameworks and malformed dates
// are errors naming the file and line, because a typo in a security tool's
// config must not silently turn a check off. Keys not in the file keep their
// Default values.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load config: %w", err)
	}
	return Parse(path, data)
}

// Parse is Load for config text already read; name is used in errors and
// becomes Config.Path.
func Parse(name string, data []byte) (*Config, error) {
	c := Default()
	c.Path = name
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("load config %s: %w", name, err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return c, nil // an empty file is a valid, empty config
	}
	d := &decoder{file: name}
	root := resolve(doc.Content[0])
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return c, nil
	}
	d.mapping(root, "", map[string]func(*yaml.Node){
		"severity":      func(n *yaml.Node) { d.severity(n, "severity", &c.Severity) },
		"fail-on":       func(n *yaml.Node) { d.severity(n, "fail-on", &c.FailOn) },
		"checks":        func(n *yaml.Node) { c.Checks = d.list(n, "checks") },
		"skip-checks":   func(n *yaml.Node) { c.SkipChecks = d.list(n, "skip-checks") },
		"frameworks":    func(n *yaml.Node) { c.Frameworks = d.frameworks(n) },
		"format":        func(n *yaml.Node) { c.Outputs = d.outputs(n) },
		"var-files":     func(n *yaml.Node) { c.VarFiles = d.list(n, "var-files") },
		"vars":          func(n *yaml.Node) { c.Vars = d.vars(n) },
		"baseline":      func(n *yaml.Node) { c.Baseline, _ = d.str(n, "baseline") },
		"exclude-paths": func(n *yaml.Node) { c.ExcludePaths = d.list(n, "exclude-paths") },
		"ignore":        func(n *yaml.Node) { c.Ignore = d.ignores(n) },
		"no-color":      func(n *yaml.Node) { d.boolean(n, "no-color", &c.NoColor) },
		"quiet":         func(n *yaml.Node) { d.boolean(n, "quiet", &c.Quiet) },
	})
	if len(d.errs) > 0 {
		return nil, fmt.Errorf("load config: %w", errors.Join(d.errs...))
	}
	return c, nil
}

// decoder walks a yaml.Node tree and collects every problem with its line.
type decoder struct {
	file string
	errs []error
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	d.errs = append(d.errs, &Error{File: d.file, Line: n.Line, Column: n.Column, Msg: fmt.Sprintf(format, args...)})
}

// resolve follows YAML aliases, so `*anchor` values decode like the anchored
// node.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < 100; i++ {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// mapping decodes a mapping node key by key. Unknown and duplicate keys are
// errors; a null value leaves the field at its default.
func (d *decoder) mapping(n *yaml.Node, where string, fields map[string]func(*yaml.Node)) {
	n = resolve(n)
	if n.Kind != yaml.MappingNode {
		if where == "" {
			d.errorf(n, "want a mapping of settings, got %s", kindName(n))
		} else {
			d.errorf(n, "%s: want a mapping, got %s", where, kindName(n))
		}
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), resolve(n.Content[i+1])
		name := k.Value
		if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
			d.errorf(k, "merge keys (<<) are not supported")
			continue
		}
		full := name
		if where != "" {
			full = where + "." + name
		}
		set, ok := fields[name]
		if !ok {
			known := make([]string, 0, len(fields))
			for f := range fields {
				known = append(known, f)
			}
			slices.Sort(known)
			if s := suggest(name, known); s != "" {
				d.errorf(k, "unknown key %q (did you mean %q?)", full, s)
			} else {
				d.errorf(k, "unknown key %q; known keys: %s", full, strings.Join(known, ", "))
			}
			continue
		}
		if seen[name] {
			d.errorf(k, "duplicate key %q", full)
			continue
		}
		seen[name] = true
		if isNull(v) {
			continue
		}
		set(v)
	}
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("%q", n.Value)
	default:
		return "nothing"
	}
}

func (d *decoder) str(n *yaml.Node, key string) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, "%s: want a string, got %s", key, kindName(n))
		return "", false
	}
	return n.Value, true
}

// list decodes a list of strings; a single string is a list of one,
// because `skip-checks: AWS-S3-001` is what people write for one entry.
func (d *decoder) list(n *yaml.Node, key string) []string {
	if n.Kind == yaml.ScalarNode {
		return []string{n.Value}
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "%s: want a list of strings, got %s", key, kindName(n))
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for _, e := range n.Content {
		e = resolve(e)
		if e.Kind != yaml.ScalarNode || isNull(e) {
			d.errorf(e, "%s: want a string, got %s", key, kindName(e))
			continue
		}
		out = append(out, e.Value)
	}
	return out
}

func (d *decoder) boolean(n *yaml.Node, key string, dst *bool) {
	b, err := parseBool(n.Value)
	if n.Kind != yaml.ScalarNode || err != nil {
		d.errorf(n, "%s: want true or false, got %s", key, kindName(n))
		return
	}
	*dst = b
}

func parseBool(s string) (bool, error) {
	switch strings.ToLower(s) {
	case "true", "yes", "on", "1":
		return true, nil
	case "false", "no", "off", "0":
		return false, nil
	}
	return false, fmt.Errorf("want true or false, got %q", s)
}

func (d *decoder) severity(n *yaml.Node, key string, dst *check.Severity) {
	s, ok := d.str(n, key)
	if !ok {
		return
	}
	sev, err := parseSeverity(s)
	if err != nil {
		d.errorf(n, "%s: %v", key, err)
		return
	}
	*dst = sev
}

func parseSeverity(s string) (check.Severity, error) {
	sev, err := check.ParseSeverity(strings.TrimSpace(s))
	if err != nil {
		return 0, fmt.Errorf("unknown severity %q; want one of info, low, medium, high, critical", s)
	}
	return sev, nil
}

func (d *decoder) frameworks(n *yaml.Node) []string {
	list := d.list(n, "frameworks")
	var out []string
	for i, f := range list {
		if err := checkFramework(f); err != nil {
			at := n
			if n.Kind == yaml.SequenceNode {
				at = n.Content[i]
			}
			d.errorf(at, "frameworks: %v", err)
			continue
		}
		out = append(out, f)
	}
	return out
}

func checkFramework(f string) error {
	keys := make([]string, len(check.Frameworks))
	for i, fw := range check.Frameworks {
		if fw.Key == f {
			return nil
		}
		keys[i] = fw.Key
	}
	return fmt.Errorf("unknown framework %q; want one of %s", f, strings.Join(keys, ", "))
}

// outputs decodes `format`: a format name, a list of names, or a list of
// {format, output} mappings (mixing the two forms is allowed).
func (d *decoder) outputs(n *yaml.Node) []Output {
	var items []*yaml.Node
	switch n.Kind {
	case yaml.ScalarNode:
		items = []*yaml.Node{n}
	case yaml.SequenceNode:
		items = n.Content
	default:
		d.errorf(n, "format: want a format name or a list of {format, output}, got %s", kindName(n))
		return nil
	}
	var out []Output
	for _, it := range items {
		it = resolve(it)
		var o Output
		if it.Kind == yaml.MappingNode {
			d.mapping(it, "format[]", map[string]func(*yaml.Node){
				"format": func(v *yaml.Node) { o.Format, _ = d.str(v, "format") },
				"output": func(v *yaml.Node) { o.Path, _ = d.str(v, "output") },
			})
		} else {
			o.Format, _ = d.str(it, "format")
		}
		o.Format = strings.ToLower(o.Format)
		if o.Format == "" {
			d.errorf(it, "format: format is required")
			continue
		}
		if err := checkFormat(o.Format); err != nil {
			d.errorf(it, "format: %v", err)
			continue
		}
		out = append(out, o)
	}
	if err := checkStdout(out); err != nil {
		d.errorf(n, "format: %v", err)
	}
	return out
}

func checkFormat(f string) error {
	if slices.Contains(Formats, f) {
		return nil
	}
	if s := suggest(f, Formats); s != "" {
		return fmt.Errorf("unknown format %q (did you mean %q?)", f, s)
	}
	return fmt.Errorf("unknown format %q; want one of %s", f, strings.Join(Formats, ", "))
}

// checkStdout rejects two reports on stdout: their bytes would interleave
// into something no consumer can parse.
func checkStdout(outs []Output) error {
	var onStdout []string
	for _, o := range outs {
		if o.Path == "" {
			onStdout = append(onStdout, o.Format)
		}
	}
	if len(onStdout) > 1 {
		return fmt.Errorf("%s all write to stdout; give all but one an output file", strings.Join(onStdout, ", "))
	}
	return nil
}

// vars decodes `vars`, Terraform -var assignments. Values are taken as
// written, the way -var takes them; lists and maps must be written in
// Terraform syntax as a string so there is one way to spell them.
func (d *decoder) vars(n *yaml.Node) map[string]string {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "vars: want a mapping of variable names to values, got %s", kindName(n))
		return nil
	}
	out := map[string]string{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), resolve(n.Content[i+1])
		if _, dup := out[k.Value]; dup {
			d.errorf(k, "vars: duplicate variable %q", k.Value)
			continue
		}
		if v.Kind != yaml.ScalarNode {
			d.errorf(v, "vars.%s: want a string; write lists and maps in Terraform syntax, quoted", k.Value)
			continue
		}
		out[k.Value] = v.Value
	}
	return out
}

func (d *decoder) ignores(n *yaml.Node) []Ignore {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "ignore: want a list of {id, paths, resources, reason, expires}, got %s", kindName(n))
		return nil
	}
	var out []Ignore
	for _, it := range n.Content {
		it = resolve(it)
		ig := Ignore{Source: model.Range{File: d.file, StartLine: it.Line, StartCol: it.Column, EndLine: it.Line}}
		before := len(d.errs)
		d.mapping(it, "ignore[]", map[string]func(*yaml.Node){
			"id":        func(v *yaml.Node) { ig.ID, _ = d.str(v, "ignore[].id") },
			"paths":     func(v *yaml.Node) { ig.Paths = d.list(v, "ignore[].paths") },
			"resources": func(v *yaml.Node) { ig.Resources = d.list(v, "ignore[].resources") },
			"reason":    func(v *yaml.Node) { ig.Reason, _ = d.str(v, "ignore[].reason") },
			"expires":   func(v *yaml.Node) { ig.Expires = d.date(v, "ignore[].expires") },
		})
		if it.Kind != yaml.MappingNode {
			continue
		}
		if strings.TrimSpace(ig.ID) == "" {
			d.errorf(it, "ignore[]: id is required")
		}
		// External suppressions have no comment next to the code to explain
		// them, so the reason is the only record of why the risk is accepted.
		if strings.TrimSpace(ig.Reason) == "" {
			d.errorf(it, "ignore[]: reason is required")
		}
		if len(d.errs) == before {
			out = append(out, ig)
		}
	}
	return out
}

func (d *decoder) date(n *yaml.Node, key string) time.Time {
	s, ok := d.str(n, key)
	if !ok {
		return time.Time{}
	}
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		d.errorf(n, "%s: invalid date %q; want YYYY-MM-DD", key, s)
		return time.Time{}
	}
	return t
}

// suggest returns the candidate closest to s when it is close enough to be a
// likely typo.
func suggest(s string, candidates []string) string {
	best, bestDist := "", 3
	for _, c := range candidates {
		if dist := textdist.Levenshtein(strings.ToLower(s), c); dist < bestDist {
			best, bestDist = c, dist
		}
	}
	return best
}
