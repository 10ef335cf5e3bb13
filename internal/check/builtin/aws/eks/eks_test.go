package eks_test

import (
	"testing"

	"github.com/vigil-sec/vigil/internal/check/builtin/aws/eks"
	"github.com/vigil-sec/vigil/internal/check/checktest"
)

func TestChecks(t *testing.T) {
	for _, c := range eks.Checks() {
		t.Run(c.ID, func(t *testing.T) { checktest.Run(t, c, "testdata") })
	}
}
