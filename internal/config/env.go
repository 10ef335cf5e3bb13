package config

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// envVars maps each environment variable ApplyEnv reads to how it sets the
// config. Lists are comma-separated.
var envVars = map[string]func(c *Config, v string) error{
	"VIGIL_SEVERITY":      func(c *Config, v string) error { return set(&c.Severity, v, parseSeverity) },
	"VIGIL_FAIL_ON":       func(c *Config, v string) error { return set(&c.FailOn, v, parseSeverity) },
	"VIGIL_CHECKS":        func(c *Config, v string) error { c.Checks = splitList(v); return nil },
	"VIGIL_SKIP_CHECKS":   func(c *Config, v string) error { c.SkipChecks = splitList(v); return nil },
	"VIGIL_FRAMEWORKS":    setFrameworks,
	"VIGIL_FORMAT":        setFormat,
	"VIGIL_VAR_FILES":     func(c *Config, v string) error { c.VarFiles = splitList(v); return nil },
	"VIGIL_BASELINE":      func(c *Config, v string) error { c.Baseline = v; return nil },
	"VIGIL_EXCLUDE_PATHS": func(c *Config, v string) error { c.ExcludePaths = splitList(v); return nil },
	"VIGIL_NO_COLOR":      func(c *Config, v string) error { return set(&c.NoColor, v, parseBool) },
	"VIGIL_QUIET":         func(c *Config, v string) error { return set(&c.Quiet, v, parseBool) },
	// no-color.org: present and not empty turns colour off, whatever the value.
	"NO_COLOR": func(c *Config, v string) error { c.NoColor = true; return nil },
}

// set parses v into dst, leaving dst alone when v is bad.
func set[T any](dst *T, v string, parse func(string) (T, error)) error {
	x, err := parse(v)
	if err != nil {
		return err
	}
	*dst = x
	return nil
}

// EnvVars lists the environment variables ApplyEnv reads, sorted.
func EnvVars() []string {
	out := make([]string, 0, len(envVars))
	for k := range envVars {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// ApplyEnv overrides c with the VIGIL_* variables in env ("NAME=value"
// entries, as os.Environ returns them): VIGIL_SEVERITY, VIGIL_FAIL_ON,
// VIGIL_CHECKS, VIGIL_SKIP_CHECKS, VIGIL_FRAMEWORKS, VIGIL_FORMAT,
// VIGIL_VAR_FILES, VIGIL_BASELINE, VIGIL_EXCLUDE_PATHS, VIGIL_NO_COLOR,
// VIGIL_QUIET, and NO_COLOR. Lists are comma-separated; VIGIL_FORMAT entries
// are "format" or "format=path" ("table,sarif=out.sarif"). An empty value
// counts as unset, the way shells make it easy to blank a variable. Other
// VIGIL_* names are left alone: the CLI and server read their own. Every bad
// value is reported, not just the first.
func (c *Config) ApplyEnv(env []string) error {
	var errs []error
	for _, kv := range env {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || v == "" {
			continue
		}
		set, known := envVars[k]
		if !known {
			continue
		}
		if err := set(c, v); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", k, err))
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("apply environment: %w", errors.Join(errs...))
	}
	return nil
}

func setFrameworks(c *Config, v string) error {
	list := splitList(v)
	for _, f := range list {
		if err := checkFramework(f); err != nil {
			return err
		}
	}
	c.Frameworks = list
	return nil
}

func setFormat(c *Config, v string) error {
	var outs []Output
	for _, e := range splitList(v) {
		f, p, _ := strings.Cut(e, "=")
		f = strings.ToLower(strings.TrimSpace(f))
		if err := checkFormat(f); err != nil {
			return err
		}
		outs = append(outs, Output{Format: f, Path: strings.TrimSpace(p)})
	}
	if err := checkStdout(outs); err != nil {
		return err
	}
	c.Outputs = outs
	return nil
}

// splitList splits a comma-separated value, dropping blanks.
func splitList(v string) []string {
	var out []string
	for s := range strings.SplitSeq(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
