package ec2_test

import (
	"testing"

	"github.com/vigil-sec/vigil/internal/check/builtin/aws/ec2"
	"github.com/vigil-sec/vigil/internal/check/checktest"
)

func TestChecks(t *testing.T) {
	for _, c := range ec2.Checks() {
		t.Run(c.ID, func(t *testing.T) { checktest.Run(t, c, "testdata") })
	}
}
