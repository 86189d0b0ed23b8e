package extract

import (
	"strings"
	"testing"
)

// countWords must agree with len(strings.Fields(s)) on any input.
func TestCountWordsMatchesFields(t *testing.T) {
	for _, s := range []string{
		"", " ", "one", " two  words ", "a\tb\nc\vd\fe\rf",
		"نص\u00a0عربي\u0085هنا", "\u2003em\u3000space\u200bzero", "bad\xffutf8 \xfe",
	} {
		if got, want := countWords(s), len(strings.Fields(s)); got != want {
			t.Errorf("countWords(%q) = %d, want %d", s, got, want)
		}
	}
}

func FuzzCountWords(f *testing.F) {
	f.Add("one two\u00a0three")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := countWords(s), len(strings.Fields(s)); got != want {
			t.Errorf("countWords(%q) = %d, want %d", s, got, want)
		}
	})
}
