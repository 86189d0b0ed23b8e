package siterules

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// FuzzParseApply feeds arbitrary rule files and pages through Parse and
// Apply: neither may panic, warnings must point at real lines, and the
// result must be a document with the original head.
func FuzzParseApply(f *testing.F) {
	f.Add(benchRules, page(`<div class="article-body"><p>x</p></div>`))
	f.Add("body: //p | //h2\nstrip_id_or_class: a\nwrap_in(b): //p\ndissolve: //div\n", page(`<div class="a"><p>1</p></div><h2>2</h2>`))
	f.Add("replace_string(<p): <div\nstrip_attr: //@*\nbody: id('x')\n", page(`<p id="x">x</p>`))
	f.Add("body: //div[contains(@class='x')]\nhttp_header(a): b\n", "<frameset></frameset>")
	f.Add("find_string: <\nreplace_string: \nbody: //body\n", "")
	f.Fuzz(func(t *testing.T, rules, in string) {
		site, warns := Parse(strings.NewReader(rules), "fuzz.txt")
		lines := strings.Count(rules, "\n") + 2
		for _, w := range warns {
			if w.Line < 0 || w.Line > lines {
				t.Fatalf("warning %q on line %d of a %d-line file", w, w.Line, lines)
			}
		}
		a, err := site.Apply([]byte(in), nil)
		if err != nil {
			return
		}
		if a.Selector != "" && a.Selector != BodySelector {
			t.Fatalf("Selector = %q", a.Selector)
		}
		if _, err := html.Parse(bytes.NewReader(a.HTML)); err != nil {
			t.Fatalf("result does not parse: %v", err)
		}
	})
}
