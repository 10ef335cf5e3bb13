package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/*.txt")

// fixture reads a testdata directory into a MapFS, so cases can alter a file.
func fixture(t *testing.T, dir string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(filepath.Join(dir, path))
		m[path] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s (regenerate with -update): %v", path, err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s (-want +got):\n%s", name, diff)
	}
}

func TestBuild(t *testing.T) {
	cat, st, err := buildCatalog(fixture(t, "testdata/iam-data"))
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "catalog.txt", cat)
	// 59 global keys by hand, plus the five service keys that are not among them.
	if want := (counts{Services: 2, Actions: 6, ResourceTypes: 4, ConditionKeys: len(globalKeys) + 4}); st != want {
		t.Errorf("stats %+v, want %+v", st, want)
	}
	mp, n, err := buildManagedPolicies(fixture(t, "testdata/managed-policies"))
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "managed-policies.txt", mp)
	if n != 2 {
		t.Errorf("%d managed policies, want 2", n)
	}
	notice, err := buildNotice(fixture(t, "testdata/iam-data"), fixture(t, "testdata/managed-policies"))
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "NOTICE.md", notice)
}

// TestDeterministic runs the generator twice (map iteration order differs
// between runs) and wants the same bytes, with no time or name in the gzip
// header.
func TestDeterministic(t *testing.T) {
	iamData, policies := fixture(t, "testdata/iam-data"), fixture(t, "testdata/managed-policies")
	var outs [2]map[string][]byte
	for i := range outs {
		dir := t.TempDir()
		if err := run(iamData, policies, dir, io.Discard); err != nil {
			t.Fatal(err)
		}
		outs[i] = map[string][]byte{}
		for _, name := range []string{"catalog.txt.gz", "managed-policies.txt.gz", "NOTICE.md"} {
			b, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			outs[i][name] = b
			if !strings.HasSuffix(name, ".gz") {
				continue
			}
			r, err := gzip.NewReader(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if !r.ModTime.IsZero() && r.ModTime != time.Unix(0, 0) || r.Name != "" {
				t.Errorf("%s: gzip header has time %v, name %q", name, r.ModTime, r.Name)
			}
			if _, err := io.Copy(io.Discard, r); err != nil {
				t.Fatal(err)
			}
		}
	}
	if !cmp.Equal(outs[0], outs[1]) {
		t.Error("two runs on the same input wrote different bytes")
	}
}

func TestBuildErrors(t *testing.T) {
	for _, tc := range []struct {
		name, file, old, new, want string
	}{
		{"access level", "data/actions/s3.json", `"accessLevel": "List"`, `"accessLevel": "Admin"`, `access level "Admin": unknown`},
		{"undefined resource type", "data/actions/iam.json", `"name": "policy"`, `"name": "nosuch"`, `resource type "nosuch": not defined`},
		{"undefined condition key", "data/actions/s3.json", `"conditionKeys": ["s3:prefix"]`, `"conditionKeys": ["s3:nosuch"]`, `condition key "s3:nosuch": not defined`},
		{"key spelled twice", "data/conditionKeys/iam.json", `"key": "s3:prefix"`, `"key": "s3:Prefix"`, `is also spelled`},
		{"action name", "data/actions/iam.json", `"name": "ListRoles"`, `"name": "ListRoles*"`, `malformed`},
		{"service file", "data/services.json", `"iam"`, `"nosuch"`, `nosuch.json`},
		{"prefix case", "data/services.json", `"iam"`, `"IAM"`, `not a lower-case prefix`},
		{"json", "data/actions/s3.json", `{`, `[`, `parse data/actions/s3.json`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := fixture(t, "testdata/iam-data")
			f := m[tc.file]
			if !bytes.Contains(f.Data, []byte(tc.old)) {
				t.Fatalf("%s has no %s", tc.file, tc.old)
			}
			f.Data = bytes.Replace(f.Data, []byte(tc.old), []byte(tc.new), 1)
			_, _, err := buildCatalog(m)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one with %q", err, tc.want)
			}
		})
	}
	for _, tc := range []struct {
		name   string
		change func(fstest.MapFS)
		want   string
	}{
		{"license", func(m fstest.MapFS) {
			m["package.json"].Data = bytes.Replace(m["package.json"].Data, []byte(`"MIT"`), []byte(`"GPL-3.0"`), 1)
		}, `license "GPL-3.0" is not MIT`},
		{"license file", func(m fstest.MapFS) { delete(m, "LICENSE") }, "no license file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := fixture(t, "testdata/managed-policies")
			tc.change(m)
			_, err := buildNotice(fixture(t, "testdata/iam-data"), m)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one with %q", err, tc.want)
			}
		})
	}
	for _, tc := range []struct{ name, old, new, want string }{
		{"latest version", `"latestVersionId": "v2"`, `"latestVersionId": "v3"`, `default version "v3": missing`},
		{"not managed", `"arn:aws:iam::aws:policy/AdministratorAccess"`, `"arn:aws:iam::123456789012:policy/AdministratorAccess"`, `malformed`},
		{"name and ARN", `"arn:aws:iam::aws:policy/AdministratorAccess"`, `"arn:aws:iam::aws:policy/ReadOnlyAccess"`, `malformed`},
		{"document", `"document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}`, `"document": "text"`, `not an object`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := fixture(t, "testdata/managed-policies")
			f := m["dist/managedPolicies.json"]
			if !bytes.Contains(f.Data, []byte(tc.old)) {
				t.Fatalf("fixture has no %s", tc.old)
			}
			f.Data = bytes.Replace(f.Data, []byte(tc.old), []byte(tc.new), 1)
			_, _, err := buildManagedPolicies(m)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one with %q", err, tc.want)
			}
		})
	}
}
