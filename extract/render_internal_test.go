package extract

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// textByRune is textWriter.text written plainly, rune by rune: the
// ASCII fast path must write exactly what it writes.
func textByRune(w *textWriter, s string) {
	for _, r := range s {
		if isInvisible(r) {
			continue
		}
		if isCollapsible(r) {
			w.space = true
			continue
		}
		if w.space && len(w.para) > 0 {
			w.para = append(w.para, ' ')
		}
		w.space = false
		w.para = utf8.AppendRune(w.para, r)
	}
}

func FuzzTextWriterText(f *testing.F) {
	f.Add("  one\ttwo\u00a0three\u200b ", "نص، عربي \xff")
	f.Add("The quick brown fox jumps  over the lazy dog, again\x7f and ", "again and again\x01 and again")
	f.Fuzz(func(t *testing.T, a, b string) {
		var got, want textWriter
		for _, s := range []string{a, b} {
			got.text(s)
			textByRune(&want, s)
		}
		if string(got.para) != string(want.para) || got.space != want.space {
			t.Errorf("text(%q, %q) = %q (space %v), want %q (space %v)", a, b,
				got.para, got.space, want.para, want.space)
		}
	})
}

// TestRenderText checks the plain text of content: one blank line between
// blocks, a <br> inside a paragraph a line break (a poem's lines, an
// address, a heading run into its text), two of them a paragraph break,
// and preformatted text kept as it is.
func TestRenderText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"paragraphs", `<p>One  two.</p><p>Three
four.</p>`, "One two.\n\nThree four."},
		{"line break inside a paragraph", `<p>Plan your time.<br>You should plan to spend the hours.</p>`,
			"Plan your time.\nYou should plan to spend the hours."},
		{"line break with spaces around it", `<p>The cloud is optional. <br> The edge is mandatory.</p>`,
			"The cloud is optional.\nThe edge is mandatory."},
		{"two line breaks end the paragraph", `<p>أعلنت الوزارة النتائج.<br><br>وأكدت أن الأرقام جديدة.</p>`,
			"أعلنت الوزارة النتائج.\n\nوأكدت أن الأرقام جديدة."},
		{"a break at the start or the end breaks nothing", `<p><br>Alone.<br></p><p>Next.</p>`,
			"Alone.\n\nNext."},
		{"a break before a block", `<div>Lead.<br><p>Body.</p></div>`, "Lead.\n\nBody."},
		{"preformatted lines", "<pre>a := 1<br>b := 2\n</pre>", "a := 1\nb := 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nodes, err := html.ParseFragment(strings.NewReader(tt.in), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
			if err != nil {
				t.Fatal(err)
			}
			if got := renderText(nodes); got != tt.want {
				t.Errorf("renderText(%s) =\n%q\nwant\n%q", tt.in, got, tt.want)
			}
		})
	}
}
