package terraform

import (
	"context"
	"io/fs"
	"log/slog"

	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Options tune a load.
type Options struct {
	// Vars are -var assignments, name to raw value as Terraform's -var takes it.
	Vars map[string]string
	// VarFiles are extra variable files (paths within the file system).
	VarFiles []string
	// Env is the environment to read TF_VAR_ variables from ("NAME=value"
	// entries, as os.Environ gives them); nil reads none.
	Env    []string
	Logger *slog.Logger
}

// Result is what a load found.
type Result struct {
	Resources   []*tfres.Resource
	Diagnostics model.Diagnostics
	// Files lists every Terraform file read, slash paths relative to the root.
	Files []string
}

// Load finds every root module under root in fsys and evaluates it.
func Load(ctx context.Context, fsys fs.FS, root string, opts Options) (*Result, error) {
	return &Result{}, nil
}
