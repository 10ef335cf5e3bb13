package ecr_test

import (
	"testing"

	"github.com/vigil-sec/vigil/internal/check/builtin/aws/ecr"
	"github.com/vigil-sec/vigil/internal/check/checktest"
)

func TestChecks(t *testing.T) {
	for _, c := range ecr.Checks() {
		t.Run(c.ID, func(t *testing.T) { checktest.Run(t, c, "testdata") })
	}
}
