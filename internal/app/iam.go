package app

import (
	"context"
	"path"

	"github.com/vigil-sec/vigil/internal/iam"
	"github.com/vigil-sec/vigil/internal/iam/awsestate"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/source/terraform"
)

// EstateOptions say what to read an identity estate from.
type EstateOptions struct {
	// Target is a Terraform directory or file, a `terraform show -json` plan,
	// or the output of `aws iam get-account-authorization-details` (JSON,
	// optionally gzip-compressed).
	Target    string
	Terraform terraform.Options
	// Account is the account ID of IaC resources, whose account is known
	// only at apply time; "" uses awsestate.PlaceholderAccount.
	Account string
	Exclude func(path string) bool
}

// EstateResult is a loaded estate with what went wrong reading it.
type EstateResult struct {
	Estate      *iam.Estate
	Diagnostics model.Diagnostics
	// Prefix turns target-relative file paths into paths from the working
	// directory, as findings show them.
	Prefix string
}

// Display returns a file path as users should see it.
func (r *EstateResult) Display(file string) string {
	if r.Prefix == "" || file == "" {
		return file
	}
	return path.Join(r.Prefix, file)
}

// LoadEstate reads the identity estate of a target. Each Terraform root
// module is adapted on its own (they are separate deployments) and their
// principals join one estate, since roots usually share an account.
func LoadEstate(ctx context.Context, opts EstateOptions) (*EstateResult, error) {
	res := &EstateResult{Prefix: displayPrefix(opts.Target)}
	t, err := openTarget(opts.Target)
	if err != nil {
		return nil, err
	}
	if opts.Exclude != nil {
		t.fsys = excludeFS{FS: t.fsys, excluded: opts.Exclude}
	}
	p := &pipeline{opts: ScanOptions{Terraform: opts.Terraform}, res: &ScanResult{}}
	resources, err := p.load(ctx, t)
	if err != nil {
		return nil, err
	}
	if p.snapshot != nil {
		// Live principals are named by ARN, not by file.
		res.Prefix = ""
		res.Diagnostics = p.res.Diagnostics
		res.Estate = awsestate.Build(p.snapshot, awsestate.Options{Account: opts.Account})
		return res, nil
	}
	res.Diagnostics = p.res.Diagnostics
	roots := adaptRoots(resources)
	e := &iam.Estate{Accounts: map[string]*iam.Account{}}
	for _, r := range roots {
		sub := awsestate.Build(r.input.AWS, awsestate.Options{Account: opts.Account})
		qualifyEstate(sub, r.root)
		mergeEstate(e, sub)
	}
	res.Estate = e
	return res, nil
}

// qualifyEstate makes model IDs unique across roots, as scan findings do.
func qualifyEstate(e *iam.Estate, root string) {
	if root == "" || root == "." {
		return
	}
	for _, p := range e.Principals {
		p.Resource.ID = root + ":" + p.Resource.ID
	}
	for _, r := range e.Resources {
		r.Resource.ID = root + ":" + r.Resource.ID
	}
	for _, w := range e.Workloads {
		w.Resource.ID = root + ":" + w.Resource.ID
	}
}

func mergeEstate(into, from *iam.Estate) {
	into.Add(from.Principals...)
	into.AddResource(from.Resources...)
	into.Workloads = append(into.Workloads, from.Workloads...)
	if into.Partition == "" {
		into.Partition = from.Partition
	}
	for id, a := range from.Accounts {
		if _, ok := into.Accounts[id]; !ok {
			into.Accounts[id] = a
		}
	}
}
