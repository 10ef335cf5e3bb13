package cloudwatch_test

import (
	"testing"

	"github.com/vigil-sec/vigil/internal/check/builtin/aws/cloudwatch"
	"github.com/vigil-sec/vigil/internal/check/checktest"
)

func TestChecks(t *testing.T) {
	for _, c := range cloudwatch.Checks() {
		t.Run(c.ID, func(t *testing.T) { checktest.Run(t, c, "testdata") })
	}
}
