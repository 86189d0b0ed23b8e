package textkit

import (
	"strings"
	"testing"
	"unicode"
)

// foldPhraseByRune is FoldPhrase written plainly, rune by rune: the ASCII
// fast path must fold exactly as it does.
func foldPhraseByRune(s string) string {
	var b strings.Builder
	space := true
	for _, r := range s {
		r = FoldRune(r)
		switch {
		case r < 0:
			continue
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			b.WriteRune(r)
			space = false
		case !space:
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimRight(b.String(), " ")
}

func FuzzFoldPhrase(f *testing.F) {
	f.Add("Related Articles: مقالات ذاتُ صلة ٢٠٢٤ \xff")
	f.Add("more from  our news, 24 hours a day ")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := FoldPhrase(s), foldPhraseByRune(s); got != want {
			t.Errorf("FoldPhrase(%q) = %q, want %q", s, got, want)
		}
	})
}
