package cloudwatch

import "github.com/vigil-sec/vigil/internal/check"

// Checks returns the CloudWatch checks.
func Checks() []*check.Check {
	out := make([]*check.Check, 0, len(monitors)+2)
	for _, m := range monitors {
		out = append(out, m.check())
	}
	return append(out, logGroupKMS, logGroupRetention)
}
