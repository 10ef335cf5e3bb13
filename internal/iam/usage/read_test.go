package usage

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
)

func day(d int, hm ...int) time.Time {
	t := time.Date(2024, 3, d, 0, 0, 0, 0, time.UTC)
	if len(hm) == 2 {
		t = t.Add(time.Duration(hm[0])*time.Hour + time.Duration(hm[1])*time.Minute)
	}
	return t
}

func openFixture(t testing.TB) *os.Root {
	t.Helper()
	root, err := os.OpenRoot(fixtureRoot)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	return root
}

const (
	fixtureMalformed = "AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/02/111122223333_CloudTrail_us-east-1_20240302T1105Z_Bb4Aa3Zz2Yy1Xx0W.json.gz"
	fixtureBadRecord = "AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/02/111122223333_CloudTrail_us-east-1_20240302T1005Z_Hh7Gg6Ff5Ee4Dd3C.json.gz"
)

// TestReadWindow reads the fixture tree with several windows: the date
// directories and file names keep files outside the window unopened.
func TestReadWindow(t *testing.T) {
	malformed := fixtureMalformed + ":47: error: read CloudTrail log: invalid character '\"' after object key:value pair: at offset 1396: 1 records before the fault were read, the rest of the file was not"
	badRecord := fixtureBadRecord + ":1: warning: skip 1 malformed CloudTrail records: first at offset 7203: Time.UnmarshalJSON: input is not a JSON string"
	tests := []struct {
		name  string
		opts  ReadOptions
		want  Stats
		diags []string
	}{
		{
			name:  "open",
			want:  Stats{Files: 8, FilesBad: 1, Events: 34, RecordsBad: 1},
			diags: []string{badRecord, malformed},
		},
		{
			// Feb and 5 March are not listed; 2 March's first file,
			// delivered after midnight, holds 1 March's last events.
			name:  "two days",
			opts:  ReadOptions{Since: day(1), Until: day(3), DeliveryDelay: time.Hour},
			want:  Stats{Files: 6, DirsSkipped: 2, FilesBad: 1, Events: 32, RecordsBad: 1},
			diags: []string{badRecord, malformed},
		},
		{
			name:  "since 2 March",
			opts:  ReadOptions{Since: day(2)},
			want:  Stats{Files: 6, DirsSkipped: 2, FilesBad: 1, Events: 13, EventsOutside: 2, RecordsBad: 1},
			diags: []string{badRecord, malformed},
		},
		{
			// A day's delivery delay: 2 March's files up to 09:03 may
			// still hold events of the window, later ones not.
			name: "until 1 March 09:03",
			opts: ReadOptions{Until: day(1, 9, 3)},
			want: Stats{Files: 4, FilesSkipped: 3, DirsSkipped: 1, Events: 13, EventsOutside: 9},
		},
		{
			name:  "until, any delay",
			opts:  ReadOptions{Until: day(1, 9, 3), DeliveryDelay: -1},
			want:  Stats{Files: 8, FilesBad: 1, Events: 13, EventsOutside: 21, RecordsBad: 1},
			diags: []string{badRecord, malformed},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var times []time.Time
			st, diags, err := Read(context.Background(), openFixture(t).FS(), tt.opts, func(e *Event) { times = append(times, e.Time) })
			if err != nil {
				t.Fatal(err)
			}
			if st.Bytes <= 0 {
				t.Errorf("Bytes = %d, want > 0", st.Bytes)
			}
			st.Bytes = 0
			if diff := cmp.Diff(tt.want, st); diff != "" {
				t.Errorf("stats (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.diags, diagStrings(diags)); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
			if len(times) != tt.want.Events {
				t.Errorf("fn saw %d events, want %d", len(times), tt.want.Events)
			}
			for _, tm := range times {
				if !tt.opts.inWindow(tm) {
					t.Errorf("event at %v is outside the window", tm)
				}
			}
		})
	}
}

func diagStrings[D interface{ String() string }](ds []D) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.String())
	}
	return out
}

func gz(t testing.TB, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const record = `{"eventTime":"2024-03-01T10:00:00Z","eventSource":"s3.amazonaws.com","eventName":"%s","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/alice","accountId":"111122223333","userName":"alice"}}`

func rec(name string) string { return strings.Replace(record, "%s", name, 1) }

// TestReadProblems: each broken file is one diagnostic with its path and
// position, and every other file is still read.
func TestReadProblems(t *testing.T) {
	// A gzip bomb: valid JSON whose whitespace inflates past the cap.
	bomb := gz(t, `{"Records":[`+rec("BeforeBomb")+","+strings.Repeat(" ", 4<<20)+rec("AfterBomb")+"]}")
	good := gz(t, `{"Records":[`+rec("Good1")+","+rec("Good2")+"]}")
	truncated := good[:len(good)/2]
	broken := "{\"Records\": [\n" + rec("Broken1") + ",\n  {\"eventSource\": x}\n]}"
	fsys := fstest.MapFS{
		"a/bomb.json.gz":      {Data: bomb},
		"a/good.json.gz":      {Data: good},
		"a/truncated.json.gz": {Data: truncated},
		"a/empty.json":        {Data: nil},
		"a/config.json":       {Data: []byte(`{"name": "not a log"}`)},
		"a/notes.txt":         {Data: []byte("not read")},
		"b/lines.jsonl":       {Data: []byte(rec("Line1") + "\n" + rec("Line2") + "\n")},
		"b/array.json":        {Data: []byte("[\n" + rec("Array1") + ",\n" + rec("Array2") + "\n]\n")},
		"b/broken.json":       {Data: []byte(broken)},
	}
	var names []string
	st, diags, err := Read(context.Background(), fsys, ReadOptions{MaxFileSize: 1 << 20}, func(e *Event) { names = append(names, e.Name) })
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(names)
	wantNames := []string{"Array1", "Array2", "BeforeBomb", "Broken1", "Good1", "Good2", "Line1", "Line2"}
	if diff := cmp.Diff(wantNames, names); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	wantDiags := []string{
		"a/bomb.json.gz: error: read CloudTrail log: decompressed size exceeds 1048576 bytes (a decompression bomb?): 1 records before the fault were read, the rest of the file was not",
		"a/config.json:1: error: read CloudTrail log: not a CloudTrail log: the first value is not a record: at offset 0: 0 records before the fault were read, the rest of the file was not",
		"a/truncated.json.gz: error: read CloudTrail log: unexpected EOF: 0 records before the fault were read, the rest of the file was not",
		fmt.Sprintf("b/broken.json:3: error: read CloudTrail log: invalid character 'x' looking for beginning of value: at offset %d: 1 records before the fault were read, the rest of the file was not", strings.Index(broken, "x}")),
	}
	if diff := cmp.Diff(wantDiags, diagStrings(diags)); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	for _, d := range diags {
		if d.Range.File == "b/broken.json" && d.Range.StartCol != 19 {
			t.Errorf("broken.json column = %d, want 19", d.Range.StartCol)
		}
	}
	if st.Files != 8 || st.FilesBad != 4 || st.Events != 8 {
		t.Errorf("stats = %+v, want 8 files, 4 bad, 8 events", st)
	}
}

// TestReadStaysInRoot: a symlink that leaves the root is not followed; one
// inside it is read.
func TestReadStaysInRoot(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(dir, "outside.json")
	inside := filepath.Join(dir, "root", "logs", "inside.json")
	if err := os.MkdirAll(filepath.Dir(inside), 0o755); err != nil {
		t.Fatal(err)
	}
	for path, name := range map[string]string{outside: "Outside", inside: "Inside"} {
		if err := os.WriteFile(path, []byte(`{"Records":[`+rec(name)+`]}`), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("../../outside.json", filepath.Join(dir, "root", "logs", "escape.json")); err != nil {
		t.Skip("symlinks not supported:", err)
	}
	if err := os.Symlink("inside.json", filepath.Join(dir, "root", "logs", "alias.json")); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(filepath.Join(dir, "root"))
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	var names []string
	_, diags, err := Read(context.Background(), root.FS(), ReadOptions{}, func(e *Event) { names = append(names, e.Name) })
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"Inside", "Inside"}, names); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	if len(diags) != 1 || diags[0].Range.File != "logs/escape.json" || !strings.Contains(diags[0].Summary, "skip log file") {
		t.Errorf("diagnostics = %v, want one skipping logs/escape.json", diags)
	}
}

func TestReadCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _, err := Read(ctx, openFixture(t).FS(), ReadOptions{}, func(*Event) {})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestReadMissingRoot(t *testing.T) {
	_, _, err := Read(context.Background(), os.DirFS(filepath.Join(t.TempDir(), "missing")), ReadOptions{}, func(*Event) {})
	if err == nil {
		t.Error("err = nil, want an error for a missing root")
	}
}

func TestDateDir(t *testing.T) {
	tests := []struct {
		path       string
		start, end time.Time
		ok         bool
	}{
		{"AWSLogs/1/CloudTrail/us-east-1/2024", time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), true},
		{"AWSLogs/1/CloudTrail/us-east-1/2024/02", time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC), day(1), true},
		{"x/AWSLogs/o-1/1/CloudTrail/eu-west-1/2024/02/29", time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC), day(1), true},
		{"AWSLogs/1/CloudTrail/us-east-1", time.Time{}, time.Time{}, false},
		{"AWSLogs/1/CloudTrail/us-east-1/2023/02/29", time.Time{}, time.Time{}, false},
		{"AWSLogs/1/CloudTrail/us-east-1/2024/13", time.Time{}, time.Time{}, false},
		{"AWSLogs/1/CloudTrail/us-east-1/24/01", time.Time{}, time.Time{}, false},
		{"AWSLogs/1/CloudTrail/us-east-1/2024/01/01/extra", time.Time{}, time.Time{}, false},
		{"logs/2024/01/01", time.Time{}, time.Time{}, false},
	}
	for _, tt := range tests {
		start, end, ok := dateDir(tt.path)
		if ok != tt.ok || ok && (!start.Equal(tt.start) || !end.Equal(tt.end)) {
			t.Errorf("dateDir(%q) = %v, %v, %v; want %v, %v, %v", tt.path, start, end, ok, tt.start, tt.end, tt.ok)
		}
	}
}

func TestDeliveryTime(t *testing.T) {
	tests := []struct {
		name string
		want time.Time
		ok   bool
	}{
		{"111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz", time.Date(2015, 8, 1, 2, 10, 0, 0, time.UTC), true},
		{"111122223333_CloudTrail_us-east-2_20150801T0210_Mu0KsOhtH1ar15ZZ.json.gz", time.Time{}, false},
		{"111122223333_CloudTrail-Digest_us-east-2_trail_us-east-2_20150801T0210Z.json.gz", time.Time{}, false},
		{"export.json", time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := deliveryTime(tt.name)
		if ok != tt.ok || !got.Equal(tt.want) {
			t.Errorf("deliveryTime(%q) = %v, %v; want %v, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}
