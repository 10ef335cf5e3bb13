// Command benchtree writes a generated Terraform tree for benchmarks and for
// comparing Vigil with other scanners side by side:
//
//	go run ./tools/benchtree -out /tmp/tree -roots 100 -files 20 -modules 40
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/vigil-sec/vigil/internal/benchtree"
)

func main() {
	var s benchtree.Spec
	out := flag.String("out", "", "directory to write the tree into (required)")
	flag.Uint64Var(&s.Seed, "seed", 1, "random seed")
	flag.IntVar(&s.Roots, "roots", 100, "root modules")
	flag.IntVar(&s.FilesPerRoot, "files", 20, "resource files per root module")
	flag.IntVar(&s.Modules, "modules", 40, "shared local modules")
	flag.IntVar(&s.ResourcesPerFile, "resources", 5, "resources per file")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "benchtree: -out is required")
		os.Exit(2)
	}
	n, err := benchtree.Write(*out, s)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchtree:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d .tf files under %s\n", n, *out)
}
