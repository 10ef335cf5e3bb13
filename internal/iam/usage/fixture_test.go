package usage

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

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite testdata/trail from testdata/trail.txtar and the golden files")

const fixtureRoot = "testdata/trail"

// TestFixtureTree keeps the gzip tree under testdata/trail equal to the
// readable texts in testdata/trail.txtar; -update rewrites the tree.
func TestFixtureTree(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/trail.txtar")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]byte{}
	for _, f := range ar.Files {
		want[f.Name] = f.Data
		path := filepath.Join(fixtureRoot, filepath.FromSlash(f.Name))
		if *update {
			writeFixture(t, path, f.Data)
		}
	}
	got := map[string][]byte{}
	err = fs.WalkDir(os.DirFS(fixtureRoot), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		got[p] = readFixture(t, filepath.Join(fixtureRoot, filepath.FromSlash(p)))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("%s is in trail.txtar but not in the tree (run with -update)", name)
		} else if !bytes.Equal(g, data) {
			t.Errorf("%s differs from trail.txtar (run with -update)", name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s is in the tree but not in trail.txtar", name)
		}
	}
}

func writeFixture(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(path, ".gz") {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b) // no name or time in the header: reproducible
		zw.Write(data)
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		data = b.Bytes()
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFixture(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(path, ".gz") {
		return data
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return out
}
