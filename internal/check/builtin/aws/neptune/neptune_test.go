package neptune_test

import (
	"testing"

	"github.com/vigil-sec/vigil/internal/check/builtin/aws/neptune"
	"github.com/vigil-sec/vigil/internal/check/checktest"
)

func TestChecks(t *testing.T) {
	for _, c := range neptune.Checks() {
		t.Run(c.ID, func(t *testing.T) { checktest.Run(t, c, "testdata") })
	}
}
