package clean

import (
	"testing"
	"unicode/utf8"
)

// FuzzNeedsWork holds the byte scan to its definition: Text changes s
// exactly when s is not valid UTF-8 or holds a rune IsControl reports.
func FuzzNeedsWork(f *testing.F) {
	for _, s := range []string{"", "plain", "tab\tand\nnew", "nul\x00", "del\x7f", "c1\u0085", "\u00a0nbsp", "\ufffe", "\uffff", "\uffef", "bad\xc2", "bad\xef\xbf", "عربي"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := !utf8.ValidString(s)
		for _, r := range s {
			want = want || IsControl(r)
		}
		if got := needsWork(s); got != want {
			t.Errorf("needsWork(%q) = %v, want %v", s, got, want)
		}
	})
}
