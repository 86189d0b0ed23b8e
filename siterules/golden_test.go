package siterules

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*/want.html from the current output")

// TestApplyGolden applies testdata/golden/NAME/rules.txt to page.html and
// compares the rendered result with want.html (go test -update rewrites it).
func TestApplyGolden(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "golden", "*"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no golden cases: %v", err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			rules, err := os.Open(filepath.Join(dir, "rules.txt"))
			if err != nil {
				t.Fatal(err)
			}
			defer rules.Close()
			site, warns := Parse(rules, "rules.txt")
			if len(warns) > 0 {
				t.Fatalf("warnings: %v", warns)
			}
			page, err := os.ReadFile(filepath.Join(dir, "page.html"))
			if err != nil {
				t.Fatal(err)
			}
			a, err := site.Apply(page, nil)
			if err != nil {
				t.Fatal(err)
			}
			got := append([]byte("<!-- selector: "+a.Selector+" -->\n"), a.HTML...)
			golden := filepath.Join(dir, "want.html")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if string(got) != string(want) {
				t.Errorf("Apply output differs from %s:\ngot:\n%s\nwant:\n%s", golden, got, want)
			}
		})
	}
}
