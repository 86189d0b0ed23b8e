package extract

import (
	"testing"
	"unicode/utf8"
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
