package config

import (
	"os"
	"regexp"
	"testing"
)

// TestDiagnose_ValidFiles checks that the syntax scan finds nothing wrong
// in valid YAML: the configs in the repository and the README's examples.
// A scan that did would send an operator to fix a line that is fine.
func TestDiagnose_ValidFiles(t *testing.T) {
	docs := map[string]string{}
	for _, path := range []string{"../sources.yaml", "testdata/sources.yaml", "../cmd/refeed/testdata/opml/existing.yaml"} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		docs[path] = string(data)
	}
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for i, m := range regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllStringSubmatch(string(readme), -1) {
		docs["README.md yaml block "+string(rune('0'+i))] = m[1]
	}
	if len(docs) < 4 {
		t.Fatalf("found %d documents, want the README's yaml examples too", len(docs))
	}
	for name, doc := range docs {
		if line, msg, ok := diagnose([]byte(doc), 0, ""); ok {
			t.Errorf("%s:%d: scan reports %q on valid YAML", name, line, msg)
		}
	}
}
