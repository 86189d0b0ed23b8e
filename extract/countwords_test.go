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

func TestCountWordsUpTo(t *testing.T) {
	for _, c := range []struct {
		s     string
		limit int
		want  int
	}{
		{"a b c d e f", 5, 5}, {"a b c", 5, 3}, {"a b c", -1, 3}, {"", 5, 0}, {"  a  ", 0, 0},
	} {
		if got := countWordsUpTo(c.s, c.limit); got != c.want {
			t.Errorf("countWordsUpTo(%q, %d) = %d, want %d", c.s, c.limit, got, c.want)
		}
	}
}

// containsAnyASCIIFold must agree with trying containsASCIIFold word by
// word.
func FuzzContainsAnyASCIIFold(f *testing.F) {
	f.Add("post-BYLINE author", "byl")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, s, w string) {
		words := append([]string{w}, bylineWords...)
		want := false
		for _, w := range words {
			want = want || containsASCIIFold(s, w)
		}
		if got := containsAnyASCIIFold(s, words); got != want {
			t.Errorf("containsAnyASCIIFold(%q, %q) = %v, want %v", s, words, got, want)
		}
	})
}

// hasChromePrefixNorm must agree with testing norm+" " directly.
func FuzzHasChromePrefixNorm(f *testing.F) {
	f.Add("share this")
	for _, p := range chromePrefixes {
		f.Add(strings.TrimSpace(p))
	}
	f.Fuzz(func(t *testing.T, norm string) {
		want := false
		for _, p := range chromePrefixes {
			want = want || strings.HasPrefix(norm+" ", p)
		}
		if got := hasChromePrefixNorm(norm); got != want {
			t.Errorf("hasChromePrefixNorm(%q) = %v, want %v", norm, got, want)
		}
	})
}
