package config_test

import (
	"strings"
	"testing"

	"github.com/refeed/refeed/config"
)

// TestParseConfig_SyntaxErrors checks that a YAML syntax error names the
// line the mistake is on, not the line where the parser gave up, and says
// in plain words how to fix it.
func TestParseConfig_SyntaxErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"item key indented 3 spaces among keys at 4",
			"# news\nsources:\n  - name: a\n    url: https://a.example/\n   fulltext: true\n" + feedsTail,
			`sources.yaml:5: this line is indented 3 spaces, but the lines above it use 4 or 2: line it up with the ones it belongs with`},
		{"item indented 3 spaces among items at 4",
			"sources:\n    - name: a\n      url: https://a.example/\n    - name: b\n   url: https://b.example/\n" + feedsTail,
			`sources.yaml:5: this line is indented 3 spaces, but the lines above it use 6, 4 or 0: line it up with the ones it belongs with`},
		{"under-indented key",
			"sources:\n  - name: a\n    url: https://a.example/\n   fulltext: true\n" + feedsTail,
			`sources.yaml:4: this line is indented 3 spaces, but the lines above it use 4 or 2: line it up with the ones it belongs with`},
		{"over-indented key",
			"sources:\n  - name: a\n    url: https://a.example/\n     fulltext: true\n" + feedsTail,
			`sources.yaml:4: this line is indented 5 spaces, the line above 4: indent it 4 like the line above (or end that line with ":" if this belongs under it)`},
		{"tab",
			"sources:\n  - name: a\n    url: https://a.example/\n\tfulltext: true\n" + feedsTail,
			`sources.yaml:4: this line is indented with a tab: YAML indents with spaces only; replace the tab with spaces`},
		{"bare star",
			sourcesHead + "feeds:\n  - name: f\n    sources: [*]\n",
			`sources.yaml:6: a bare "*" is YAML syntax (an alias), not text; quote it: ["*"] stands for every source`},
		{"bare star in a block list",
			sourcesHead + "feeds:\n  - name: f\n    sources:\n      - *\n",
			`sources.yaml:7: a bare "*" is YAML syntax (an alias), not text; quote it: ["*"] stands for every source`},
		{"colon in a value",
			"title: News: Iraq\n" + tail,
			`sources.yaml:1: the value holds ": ", which YAML reads as the start of another key; quote the value, e.g. title: "News: Iraq"`},
		{"unclosed quote",
			"user_agent: \"refeed\n" + tail,
			`sources.yaml:1: a quote opened here is never closed: end the value with the same quote it starts with`},
		{"unclosed list",
			"sources: [a\n" + feedsTail,
			`sources.yaml:1: a [list] opened here is not closed: separate its items with "," and end it with "]"`},
		{"reserved character",
			"user_agent: @me\n" + tail,
			`sources.yaml:1: a value cannot start with "@" in YAML; quote it`},
		{"block scalar text is not checked",
			"user_agent: |\n  refeed\n   (test)\nsources:\n  - name: a\n    url: https://a.example/\n   fulltext: true\n" + feedsTail,
			`sources.yaml:7: this line is indented 3 spaces, but the lines above it use 4 or 2: line it up with the ones it belongs with`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := config.ParseConfig(strings.NewReader(tt.yaml), "sources.yaml")
			if err == nil {
				t.Fatal("ParseConfig succeeded")
			}
			if err.Error() != tt.want {
				t.Errorf("error:\n%s\nwant:\n%s", err, tt.want)
			}
		})
	}
}

// TestParseConfig_ValueExamples checks that a value that does not parse
// is answered with examples of one that does.
func TestParseConfig_ValueExamples(t *testing.T) {
	tests := []struct{ yaml, want string }{
		{"interval: 30 minutes\n" + tail, `sources.yaml:1: interval: invalid duration "30 minutes" (want e.g. "30m", "2h" or "1d")`},
		{"max_body: 10 megs\n" + tail, `sources.yaml:1: max_body: invalid size "10 megs" (want e.g. "10MiB", "512KB" or bytes)`},
		{"sources:\n  - name: a\n    url: https://a.example/\n    charset: win-1256\n" + feedsTail,
			`sources.yaml:4: sources[0].charset: unknown charset "win-1256" (want e.g. "windows-1256", "utf-8" or "iso-8859-6")`},
	}
	for _, tt := range tests {
		_, err := config.ParseConfig(strings.NewReader(tt.yaml), "sources.yaml")
		if err == nil || err.Error() != tt.want {
			t.Errorf("error:\n%v\nwant:\n%s", err, tt.want)
		}
	}
}
