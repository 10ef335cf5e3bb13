package checktest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vigil-sec/vigil/internal/check"
)

// unencrypted fails every SQS queue with SSE-SQS turned off and passes the
// rest.
var unencrypted = &check.Check{
	ID: "TEST-SQS-001",
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, q := range in.AWS.SQS.Queues {
			if q.SQSManagedSSE.Is(false) {
				r.Fail(q.Resource, q.SQSManagedSSE.OriginOr(q.Origin), "Queue is not encrypted.")
			} else {
				r.Pass(q.Resource)
			}
		}
	},
}

const (
	encryptedQueue = `resource "aws_sqs_queue" "q" {
  sqs_managed_sse_enabled = true
}
`
	// The marker of another check must not count for unencrypted.
	encryptedQueueOtherMarker = `resource "aws_sqs_queue" "q" {
  sqs_managed_sse_enabled = true # want: TEST-SQS-002
}
`
	unencryptedQueue = `resource "aws_sqs_queue" "q" {
  sqs_managed_sse_enabled = false # want: TEST-SQS-002, TEST-SQS-001
}
`
)

// tree writes files, keyed by slash-separated path, under a temporary
// testdata directory and returns it.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "testdata")
	for name, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestCasesIncludeShared(t *testing.T) {
	dir := tree(t, map[string]string{
		"TEST-SQS-001/pass/main.tf":   encryptedQueue,
		"TEST-SQS-002/fail/main.tf":   unencryptedQueue,
		"shared/unencrypted/main.tf":  unencryptedQueue,
		"shared/other_marker/main.tf": encryptedQueueOtherMarker,
		"shared/not_a_case.tf":        encryptedQueue,
	})
	got := cases(t, dir, "TEST-SQS-001")
	want := []fixture{
		{Name: "pass", Dir: filepath.Join(dir, "TEST-SQS-001", "pass"), Want: []string{}},
		{Name: "shared/other_marker", Dir: filepath.Join(dir, "shared", "other_marker"), Want: []string{}},
		{Name: "shared/unencrypted", Dir: filepath.Join(dir, "shared", "unencrypted"), Want: []string{"main.tf:2"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("cases (-want +got):\n%s", diff)
	}

	// A check without a directory of its own has only the shared cases.
	if got := cases(t, dir, "TEST-SQS-003"); len(got) != 2 {
		t.Errorf("cases of a check without fixtures of its own = %+v, want the 2 shared ones", got)
	}
	// Without shared cases a check has only its own.
	noShared := tree(t, map[string]string{"TEST-SQS-001/pass/main.tf": encryptedQueue})
	if got := cases(t, noShared, "TEST-SQS-001"); len(got) != 1 || got[0].Name != "pass" {
		t.Errorf("cases without shared = %+v, want only pass", got)
	}
}

// TestRunShared runs a check whose only failing case is shared: Run passes
// only if it runs the shared cases, counts them, and reads their markers for
// this check alone.
func TestRunShared(t *testing.T) {
	dir := tree(t, map[string]string{
		"TEST-SQS-001/pass/main.tf":   encryptedQueue,
		"shared/unencrypted/main.tf":  unencryptedQueue,
		"shared/other_marker/main.tf": encryptedQueueOtherMarker,
	})
	Run(t, unencrypted, dir)
}
