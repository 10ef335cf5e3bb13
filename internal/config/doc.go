// Package config owns Vigil's settings file, .vigil.yaml: its typed form
// (Config), where it is found (Discover), strict loading with file:line errors
// (Load), VIGIL_* environment overrides (ApplyEnv), the defaults, and the
// effective-config printout behind `vigil config show` (Marshal). It also owns
// the glob dialects users write in it: paths, check patterns and resource IDs.
//
// Precedence (flags > env > file > defaults) is resolved by the CLI, which
// holds the flags; this package provides the typed layers.
//
// It is typed settings only: it imports model and check (severities, check
// metadata, framework keys) and a YAML parser, never sources, reports, app or
// cli.
package config
