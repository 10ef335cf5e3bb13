// Package report turns the result of one scan into bytes: one Renderer per
// output format (table, json, sarif, junit, csv), all fed the same Report.
//
// It owns the output schemas. The JSON and SARIF shapes are defined here as
// their own structs instead of json tags on model or check types, so an
// internal refactor can never silently change what users parse; the native
// JSON schema is versioned (SchemaVersion) and documented in
// docs/output-formats.md.
//
// Renderers are pure functions of the Report and Options: they never read
// the clock, the environment or the terminal (the CLI decides colour and
// width), never iterate a map into output, and print only the messages checks
// wrote, never resource attribute values, so a report cannot leak a secret
// the model happened to hold.
//
// The package imports model and check only. It must not import source/*
// (renderers know findings, not parsers), store, app, cli or server.
package report
