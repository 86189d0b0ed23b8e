package extract

import (
	"testing"

	"github.com/refeed/refeed/internal/textkit"
)

// measureTextByRune is measureText written plainly, rune by rune: the
// byte-wise fast path must count exactly as it does.
func measureTextByRune(s string) (chars, commas int) {
	space := true
	for _, r := range s {
		switch r {
		case '\ufeff', '\u200b', '\u2060':
			continue
		case ' ', '\t', '\n', '\r', '\f', '\u00a0':
			if !space {
				chars++
				space = true
			}
			continue
		case ',', '\u060c', '\ufe50', '\ufe10', '\ufe11', '\u2e41', '\u2e34',
			'\u2e32', '\uff0c', '\u3001':
			commas++
		}
		if textkit.IsUnspacedLetter(r) {
			chars += unspacedLetterChars
		} else {
			chars++
		}
		space = false
	}
	return chars, commas
}

func TestMeasureTextMatchesRunes(t *testing.T) {
	for _, s := range []string{
		"", "  a, b ,c\t\n", "\u00a0x\u00a0\u00a0y", "قال، إن\u200bالنص\ufeff", "bad\xff\xfe utf8,", "全角，顿号、",
		"ひらがな ภาษาไทย 𠀋",
		// Runs of eight bytes and more, taken a chunk at a time
		// (plainRun), with what ends a chunk at every place in it.
		"The quick brown fox jumps over the lazy dog again",
		"abcdefg  hijklmnop", "abcdefgh ijklmnop", "abcdefg, hijklmnop",
		"abcdefghijklmno\x01pq rstuvwxyz", "abcdefghijklmno\tpq\n",
		"abcdefghijklmnop\u00a0qrstuvwxyz", "a b c d e f g h i j k l m", "abc  defghijklmn",
	} {
		c, k := measureText(s)
		wc, wk := measureTextByRune(s)
		if c != wc || k != wk {
			t.Errorf("measureText(%q) = %d, %d; want %d, %d", s, c, k, wc, wk)
		}
		if b := textCharsBound(s); c > b {
			t.Errorf("measureText(%q) counts %d characters, over textCharsBound's %d", s, c, b)
		}
	}
}

func FuzzMeasureText(f *testing.F) {
	f.Add("a, b\u00a0c\u060c d")
	f.Add("The quick brown fox jumps  over the lazy dog, again\x7f and again\t")
	f.Fuzz(func(t *testing.T, s string) {
		c, k := measureText(s)
		wc, wk := measureTextByRune(s)
		if c != wc || k != wk {
			t.Errorf("measureText(%q) = %d, %d; want %d, %d", s, c, k, wc, wk)
		}
		if b := textCharsBound(s); c > b {
			t.Errorf("measureText(%q) counts %d characters, over textCharsBound's %d", s, c, b)
		}
	})
}
