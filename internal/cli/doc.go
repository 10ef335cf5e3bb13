// Package cli is Vigil's command line: cobra commands that turn flags, the
// environment and the config file into typed options, call app, choose
// outputs, draw progress and map outcomes to exit codes in one place. Only
// cmd/vigil imports it.
package cli
