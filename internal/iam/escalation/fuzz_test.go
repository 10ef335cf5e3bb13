package escalation

import (
	"strings"
	"testing"

	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// FuzzFit checks that a resource name fitted to a pattern matches it.
func FuzzFit(f *testing.F) {
	def := "arn:aws:lambda:us-east-1:111111111111:function:vigil-escalation"
	for _, p := range []string{
		"*",
		"arn:aws:lambda:*:111111111111:function:dev-*",
		"arn:aws:lambda:eu-west-?:*:function:app",
		"arn:aws:s3:::bucket/*",
		"arn:aws:lambda:us-east-1:111111111111:function:x:*:y",
	} {
		f.Add(p, def)
	}
	f.Fuzz(func(t *testing.T, pattern, def string) {
		got, ok := fit(pattern, def)
		if ok && !iammodel.Wildcard(strings.ToLower(pattern), strings.ToLower(got)) {
			t.Errorf("fit(%q, %q) = %q, which the pattern does not match", pattern, def, got)
		}
	})
}
