package dynamodb_test

import (
	"testing"

	"github.com/vigil-sec/vigil/internal/check/builtin/aws/dynamodb"
	"github.com/vigil-sec/vigil/internal/check/checktest"
)

func TestChecks(t *testing.T) {
	for _, c := range dynamodb.Checks() {
		t.Run(c.ID, func(t *testing.T) { checktest.Run(t, c, "testdata") })
	}
}
