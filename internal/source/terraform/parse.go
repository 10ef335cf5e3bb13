package terraform

import (
	"io/fs"
	"path"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
)

// file is one parsed configuration file.
type file struct {
	// name is the path relative to the scan root, as diagnostics show it.
	name     string
	override bool
	blocks   []*block
	diags    hcl.Diagnostics
	// ok is false when the file did not parse; its content is then left out
	// entirely, since half a resource is worse than none for a scanner.
	ok bool
}

// fileSchema lists the top-level blocks Terraform knows. Only some matter for
// evaluation, but naming all keeps JSON decoding from reporting the rest.
var fileSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
	{Type: "terraform"},
	{Type: "provider", LabelNames: []string{"name"}},
	{Type: "variable", LabelNames: []string{"name"}},
	{Type: "locals"},
	{Type: "output", LabelNames: []string{"name"}},
	{Type: "module", LabelNames: []string{"name"}},
	{Type: "resource", LabelNames: []string{"type", "name"}},
	{Type: "data", LabelNames: []string{"type", "name"}},
	{Type: "ephemeral", LabelNames: []string{"type", "name"}},
	{Type: "moved"},
	{Type: "import"},
	{Type: "removed"},
	{Type: "check", LabelNames: []string{"name"}},
}}

// isConfigFile reports whether name is a Terraform configuration file.
func isConfigFile(name string) bool {
	return strings.HasSuffix(name, ".tf") || strings.HasSuffix(name, ".tf.json")
}

// isOverrideFile reports whether name is an override file, merged into the
// module after every primary file.
func isOverrideFile(name string) bool {
	base := strings.TrimSuffix(strings.TrimSuffix(name, ".json"), ".tf")
	return base == "override" || strings.HasSuffix(base, "_override")
}

// parseFile parses src; name is the path shown in ranges.
func parseFile(name string, src []byte) *file {
	f := &file{name: name, override: isOverrideFile(path.Base(name))}
	if strings.HasSuffix(name, ".json") {
		hf, diags := hcljson.Parse(src, name)
		f.diags = diags
		if diags.HasErrors() || hf == nil {
			return f
		}
		content, cdiags := hf.Body.Content(fileSchema)
		f.diags = append(f.diags, cdiags...)
		for _, hb := range content.Blocks {
			b, bdiags := jsonBlock(hb)
			f.diags = append(f.diags, bdiags...)
			f.blocks = append(f.blocks, b)
		}
		f.ok = !f.diags.HasErrors()
		return f
	}
	hf, diags := hclsyntax.ParseConfig(src, name, hcl.InitialPos)
	f.diags = diags
	if diags.HasErrors() || hf == nil {
		return f
	}
	nb, ok := hf.Body.(*hclsyntax.Body)
	if !ok {
		return f
	}
	f.blocks = nativeBody(nb).blocks
	f.ok = true
	return f
}

// jsonBlock converts a top-level JSON block. locals and variable bodies are
// plain attributes; resource bodies keep their meta-argument blocks as
// attributes, which evaluation skips by name.
func jsonBlock(hb *hcl.Block) (*block, hcl.Diagnostics) {
	b, diags := jsonBody(hb.Body)
	rng := hb.DefRange
	if r := hb.Body.MissingItemRange(); r.Filename != "" {
		rng = hcl.RangeBetween(hb.DefRange, r)
	}
	return &block{typ: hb.Type, labels: hb.Labels, body: b, rng: rng, defRng: hb.DefRange}, diags
}

// readFile reads and parses one file of fsys.
func readFile(fsys fs.FS, fsPath, name string) *file {
	src, err := fs.ReadFile(fsys, fsPath)
	if err != nil {
		return &file{name: name, diags: hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "read file",
			Detail:   err.Error(),
			Subject:  &hcl.Range{Filename: name},
		}}}
	}
	return parseFile(name, src)
}
