package config

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// fileForm is the YAML shape of a config, in the order `vigil config show`
// prints it. It is separate from Config so that the typed form never carries
// serialisation tags and the file form can change spelling independently.
type fileForm struct {
	Severity     string            `yaml:"severity"`
	FailOn       string            `yaml:"fail-on"`
	Checks       []string          `yaml:"checks,omitempty"`
	SkipChecks   []string          `yaml:"skip-checks,omitempty"`
	Frameworks   []string          `yaml:"frameworks,omitempty"`
	Format       []outputForm      `yaml:"format"`
	VarFiles     []string          `yaml:"var-files,omitempty"`
	Vars         map[string]string `yaml:"vars,omitempty"`
	Baseline     string            `yaml:"baseline,omitempty"`
	ExcludePaths []string          `yaml:"exclude-paths,omitempty"`
	Ignore       []ignoreForm      `yaml:"ignore,omitempty"`
	NoColor      bool              `yaml:"no-color"`
	Quiet        bool              `yaml:"quiet"`
}

type outputForm struct {
	Format string `yaml:"format"`
	Output string `yaml:"output,omitempty"`
}

type ignoreForm struct {
	ID        string   `yaml:"id"`
	Paths     []string `yaml:"paths,omitempty"`
	Resources []string `yaml:"resources,omitempty"`
	Reason    string   `yaml:"reason"`
	Expires   string   `yaml:"expires,omitempty"`
}

// Marshal renders c as .vigil.yaml text that Load reads back to the same
// settings; `vigil config show` prints it. Map keys come out sorted, so the
// output is deterministic.
func (c *Config) Marshal() ([]byte, error) {
	f := fileForm{
		Severity:     strings.ToLower(c.Severity.String()),
		FailOn:       strings.ToLower(c.FailOn.String()),
		Checks:       c.Checks,
		SkipChecks:   c.SkipChecks,
		Frameworks:   c.Frameworks,
		VarFiles:     c.VarFiles,
		Vars:         c.Vars,
		Baseline:     c.Baseline,
		ExcludePaths: c.ExcludePaths,
		NoColor:      c.NoColor,
		Quiet:        c.Quiet,
	}
	for _, o := range c.Outputs {
		f.Format = append(f.Format, outputForm{Format: o.Format, Output: o.Path})
	}
	for _, ig := range c.Ignore {
		igf := ignoreForm{ID: ig.ID, Paths: ig.Paths, Resources: ig.Resources, Reason: ig.Reason}
		if !ig.Expires.IsZero() {
			igf.Expires = ig.Expires.Format(dateLayout)
		}
		f.Ignore = append(f.Ignore, igf)
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(f); err != nil {
		return nil, fmt.Errorf("marshal config: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("marshal config: %w", err)
	}
	return buf.Bytes(), nil
}
