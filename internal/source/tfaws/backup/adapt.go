package backup

import (
	"github.com/vigil-sec/vigil/internal/model/aws/backup"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the Backup state from evaluated resources.
func Adapt(set *tfres.Set) backup.State {
	return backup.State{}
}
