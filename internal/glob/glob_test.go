package glob

import (
	"strings"
	"testing"
	"time"
)

func TestMatch(t *testing.T) {
	for _, tt := range []struct {
		pattern, s string
		want       bool
	}{
		{"AWS-S3-*", "AWS-S3-001", true},
		{"AWS-S3-*", "AWS-IAM-001", false},
		{"AWS-S3-00?", "AWS-S3-001", true},
		{"AWS-S3-00?", "AWS-S3-0010", false},
		{"*", "", true},
		{"", "", true},
		{"", "x", false},
		{"a*b*c", "a-b-b-c", true},
		{"a*b*c", "a-b-b-d", false},
		{"module.logs.*", `module.logs.aws_s3_bucket.this["eu"]`, true},
		{"é?", "éa", true},
	} {
		if got := Match(tt.pattern, tt.s); got != tt.want {
			t.Errorf("Match(%q, %q) = %v, want %v", tt.pattern, tt.s, got, tt.want)
		}
	}
}

// TestMatchIsNotExponential: a pattern of many stars against a long
// non-matching text must not backtrack exponentially.
func TestMatchIsNotExponential(t *testing.T) {
	start := time.Now()
	if Match(strings.Repeat("*a", 30)+"b", strings.Repeat("a", 5000)) {
		t.Fatal("matched")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v", d)
	}
}
