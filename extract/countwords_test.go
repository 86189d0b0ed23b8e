package extract

import (
	"strings"
	"testing"

	"github.com/refeed/refeed/internal/textkit"
)

// fieldsWords counts words as countWords must: the fields of s, where a
// run of letters of a script written without spaces counts one word per
// two letters, and the letters around such runs as words too.
func fieldsWords(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		inWord, run := false, 0
		for _, r := range f {
			if textkit.IsUnspacedLetter(r) {
				run++
				inWord = false
				continue
			}
			n += (run + 1) / 2
			run = 0
			if !inWord {
				n++
				inWord = true
			}
		}
		n += (run + 1) / 2
	}
	return n
}

// countWords must agree with fieldsWords on any input.
func TestCountWordsMatchesFields(t *testing.T) {
	for _, c := range []struct {
		s    string
		want int
	}{
		{"", 0}, {" ", 0}, {"one", 1}, {" two  words ", 2}, {"a\tb\nc\vd\fe\rf", 6},
		{"نص\u00a0عربي\u0085هنا", 3}, {"\u2003em\u3000space\u200bzero", 2}, {"bad\xffutf8 \xfe", 2},
		{"市议会周二投票", 4}, {"東京で2024年", 4}, {"ข่าววันนี้", 5}, {"iPhone发布会 today", 4},
	} {
		if got := countWords(c.s); got != c.want || got != fieldsWords(c.s) {
			t.Errorf("countWords(%q) = %d, want %d (fieldsWords %d)", c.s, got, c.want, fieldsWords(c.s))
		}
	}
}

func FuzzCountWords(f *testing.F) {
	f.Add("one two\u00a0three")
	f.Add("市议会 周二 vote")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := countWords(s), fieldsWords(s); got != want {
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

// foldWords.in must agree with trying containsASCIIFold word by word.
func FuzzFoldWordsIn(f *testing.F) {
	f.Add("post-BYLINE author", "byl")
	f.Add("", "x")
	f.Fuzz(func(t *testing.T, s, w string) {
		if w == "" {
			return // no foldWords list holds an empty word
		}
		words := append([]string{strings.ToLower(w)}, bylineWords.words...)
		want := false
		for _, w := range words {
			want = want || containsASCIIFold(s, w)
		}
		if got := newFoldWords(words...).in(s); got != want {
			t.Errorf("newFoldWords(%q).in(%q) = %v, want %v", words, s, got, want)
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
