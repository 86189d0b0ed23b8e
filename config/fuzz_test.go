package config_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/refeed/refeed/config"
)

// FuzzParseConfig checks that no input makes ParseConfig panic, and that
// it returns either a config or an error whose problems all name the file.
func FuzzParseConfig(f *testing.F) {
	full, err := os.ReadFile(filepath.Join("testdata", "sources.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(full))
	f.Add(tail)
	f.Add("")
	f.Add("- a\n- b\n")
	f.Add("a: &x [*x]\n")
	f.Add("sources: [&s {name: a, url: 'https://a.example/'}, *s]\nfeeds: [{name: f, sources: [a, a]}]\n")
	f.Add("sources:\n  - name: a\n    url: https://a.example/\n    interval: 1d2h\n    max_body: 1KiB\n" + feedsTail)
	// Syntax errors, for the scan that finds the line of the mistake.
	f.Add("sources:\n  - name: a\n    url: https://a.example/\n   fulltext: true\n" + feedsTail)
	f.Add("sources:\n  - name: a\n\turl: x\n" + feedsTail)
	f.Add(sourcesHead + "feeds:\n  - name: f\n    sources: [*]\n")
	f.Add("title: 'a: b\n  c' d: e\nuser_agent: |\n  x\n y\n")
	f.Fuzz(func(t *testing.T, in string) {
		c, err := config.ParseConfig(strings.NewReader(in), "sources.yaml")
		if (c == nil) == (err == nil) {
			t.Fatalf("ParseConfig = %v, %v: want exactly one of config and error", c, err)
		}
		var list config.Errors
		if err != nil && errors.As(err, &list) {
			for _, e := range list {
				if e.File != "sources.yaml" || !strings.HasPrefix(e.Error(), "sources.yaml") {
					t.Fatalf("problem without the file name: %q", e.Error())
				}
			}
		}
	})
}
