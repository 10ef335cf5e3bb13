package secretsmanager

import (
	"github.com/vigil-sec/vigil/internal/model/aws/secretsmanager"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the SecretsManager state from evaluated resources.
func Adapt(set *tfres.Set) secretsmanager.State {
	return secretsmanager.State{}
}
