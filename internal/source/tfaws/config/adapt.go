package config

import (
	"github.com/vigil-sec/vigil/internal/model/aws/config"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the Config state from evaluated resources.
func Adapt(set *tfres.Set) config.State {
	return config.State{}
}
