package checktest

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/source/awsiam"
	"github.com/vigil-sec/vigil/internal/source/terraform"
	"github.com/vigil-sec/vigil/internal/source/tfaws"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// wantPattern matches `# want: AWS-S3-001, AWS-S3-002` (or // comments).
var wantPattern = regexp.MustCompile(`(?:#|//)\s*want:\s*([A-Za-z0-9_, -]+)`)

// SharedDir names the directory under a package's testdata whose case
// directories belong to every check of the package.
const SharedDir = "shared"

// Run runs c over every case directory under dir/<c.ID>/ and dir/shared/ and
// fails t when the failing findings of c differ from the case's `want:`
// markers naming c. A check needs at least one case that expects a finding
// and one that expects none; shared cases count.
func Run(t *testing.T, c *check.Check, dir string) {
	t.Helper()
	all := cases(t, dir, c.ID)
	if len(all) == 0 {
		t.Fatalf("check %s has no fixtures under %s", c.ID, filepath.Join(dir, c.ID))
	}
	var failing, passing int
	for _, tc := range all {
		if len(tc.Want) > 0 {
			failing++
		} else {
			passing++
		}
		t.Run(tc.Name, func(t *testing.T) {
			got := Findings(t, tc.Dir, c)
			if diff := cmp.Diff(tc.Want, got); diff != "" {
				t.Errorf("%s findings in %s (-want +got):\n%s", c.ID, tc.Dir, diff)
			}
		})
	}
	if failing == 0 || passing == 0 {
		t.Errorf("check %s needs failing and passing fixtures; has %d failing and %d passing cases", c.ID, failing, passing)
	}
}

// fixture is one case directory a check runs over.
type fixture struct {
	// Name is the subtest name: the directory's name, prefixed with
	// "shared/" for a shared case.
	Name string
	// Dir is the case directory.
	Dir string
	// Want holds the "file:line" of every want marker naming the check,
	// sorted; it is empty, not nil, when the case expects no finding.
	Want []string
}

// cases lists the cases of check id: the case directories under dir/<id>/,
// then those under dir/shared/. Either directory may be missing.
func cases(t testing.TB, dir, id string) []fixture {
	t.Helper()
	var out []fixture
	for _, sub := range []struct{ dir, prefix string }{
		{filepath.Join(dir, id), ""},
		{filepath.Join(dir, SharedDir), SharedDir + "/"},
	} {
		entries, err := os.ReadDir(sub.dir)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			t.Fatalf("read fixtures of %s: %v", id, err)
		}
		for _, e := range entries {
			if !e.IsDir() {
				continue
			}
			caseDir := filepath.Join(sub.dir, e.Name())
			out = append(out, fixture{Name: sub.prefix + e.Name(), Dir: caseDir, Want: markers(t, caseDir, id)})
		}
	}
	return out
}

// Findings loads the case directory, runs c, and returns its failing findings
// as "file:line" strings, sorted.
func Findings(t *testing.T, caseDir string, c *check.Check) []string {
	t.Helper()
	ctx := context.Background()
	if _, err := os.Stat(filepath.Join(caseDir, SnapshotFile)); err == nil {
		return snapshotFindings(t, caseDir, c)
	}
	res, err := terraform.Load(ctx, os.DirFS(caseDir), ".", terraform.Options{})
	if err != nil {
		t.Fatalf("load %s: %v", caseDir, err)
	}
	for _, d := range res.Diagnostics {
		t.Logf("diagnostic: %s", d)
	}
	if res.Diagnostics.HasErrors() {
		t.Fatalf("fixture %s has errors", caseDir)
	}
	state := tfaws.Adapt(tfres.NewSet(res.Resources))
	fs, diags, err := check.Run(ctx, []*check.Check{c}, &check.Input{AWS: state})
	if err != nil || diags.HasErrors() {
		t.Fatalf("run %s: %v %v", c.ID, err, diags)
	}
	got := []string{}
	for _, f := range fs {
		if f.Status == check.Fail {
			got = append(got, fmt.Sprintf("%s:%d", f.Origin.Range.File, f.Origin.Range.StartLine))
		}
	}
	slices.Sort(got)
	return got
}

// snapshotWant matches a live-data case's want line: "# want: ID ARN".
var snapshotWant = regexp.MustCompile(`^#\s*want:\s*(\S+)\s+(\S+)\s*$`)

// SnapshotFile makes a case directory a live-data case: the output of
// `aws iam get-account-authorization-details`, checked as of SnapshotNow.
// Its want markers are lines of want.txt: "# want: ID" followed by the
// resource ID (the ARN) the check must fail.
const SnapshotFile = "snapshot.json"

// SnapshotNow is when live-data cases are checked, so age checks (unused
// roles, old keys) do not change verdicts as the calendar moves.
var SnapshotNow = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

func snapshotFindings(t *testing.T, caseDir string, c *check.Check) []string {
	t.Helper()
	f, err := os.Open(filepath.Join(caseDir, SnapshotFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	state, diags := awsiam.Load(f, SnapshotFile)
	if diags.HasErrors() {
		t.Fatalf("snapshot %s: %v", caseDir, diags)
	}
	fs, diags, err := check.Run(context.Background(), []*check.Check{c}, &check.Input{AWS: state, Now: SnapshotNow})
	if err != nil || diags.HasErrors() {
		t.Fatalf("run %s: %v %v", c.ID, err, diags)
	}
	got := []string{}
	for _, f := range fs {
		if f.Status == check.Fail {
			got = append(got, f.Resource.ID)
		}
	}
	slices.Sort(got)
	return got
}

// markers returns "file:line" for every want marker naming id in caseDir,
// or for a live-data case the resource IDs its want.txt names.
func markers(t testing.TB, caseDir, id string) []string {
	t.Helper()
	out := []string{}
	if data, err := os.ReadFile(filepath.Join(caseDir, "want.txt")); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if m := snapshotWant.FindStringSubmatch(line); m != nil && m[1] == id {
				out = append(out, m[2])
			}
		}
		slices.Sort(out)
		return out
	}
	err := filepath.WalkDir(caseDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		rel, _ := filepath.Rel(caseDir, path)
		sc := bufio.NewScanner(f)
		for line := 1; sc.Scan(); line++ {
			m := wantPattern.FindStringSubmatch(sc.Text())
			if m == nil {
				continue
			}
			for _, w := range strings.Split(m[1], ",") {
				if strings.TrimSpace(w) == id {
					out = append(out, fmt.Sprintf("%s:%d", filepath.ToSlash(rel), line))
				}
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatalf("read markers in %s: %v", caseDir, err)
	}
	slices.Sort(out)
	return out
}
