package model_test

import (
	"fmt"

	"github.com/vigil-sec/vigil/internal/model"
)

// A check asks questions that are false for values nobody could resolve, so
// it stays silent on them without special cases.
func ExampleValue() {
	at := model.Origin{Range: model.Range{File: "main.tf", StartLine: 12, EndLine: 12}}
	for _, rotation := range []model.Bool{
		model.Set(false, at),       // enable_key_rotation = false
		model.Default(false, at),   // not set: the provider's default
		model.Unresolved[bool](at), // enable_key_rotation = var.rotate, unset
	} {
		switch {
		case rotation.Is(false):
			fmt.Printf("fail at %s (%s)\n", rotation.Origin, rotation.Certainty)
		case rotation.Known():
			fmt.Println("pass")
		default:
			fmt.Println("silent: unknown")
		}
	}
	// Output:
	// fail at main.tf:12 (explicit)
	// fail at main.tf:12 (defaulted)
	// silent: unknown
}
