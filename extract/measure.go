package extract

import (
	"unicode/utf8"

	"github.com/refeed/refeed/internal/textkit"

	"golang.org/x/net/html/atom"
)

// stats are the text measures of one element, taken in one bottom-up pass.
type stats struct {
	chars     int  // visible characters; a run of whitespace counts once
	linkChars int  // of which inside links
	commas    int  // commas of any script
	prose     int  // characters in paragraphs that score (see scoreParagraph)
	hasBlock  bool // a block-level element sits somewhere inside
	score     float64
	candidate bool // received a paragraph score
	checked   bool // chrome has been decided
	chrome    bool // titled as chrome ("Comments", "Related", …)
}

// linkDensity is the share of the element's text inside links.
func (s *stats) linkDensity() float64 {
	if s.chars == 0 {
		return 0
	}
	return float64(s.linkChars) / float64(s.chars)
}

// unspacedLetterChars is what one letter of a script written without
// spaces (Chinese, Japanese, Thai…; textkit.IsUnspacedLetter) counts for in
// the measures: about as much text as three characters of English, so a
// Chinese story of 250 letters is as long as an English one of 750
// characters, and the thresholds in characters hold for both.
const unspacedLetterChars = 3

// measureText counts the visible characters and the commas of s. A letter
// of a script written without spaces counts unspacedLetterChars.
func measureText(s string) (chars, commas int) {
	space := true
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			// ASCII, most of most pages: the same rules as below, by byte,
			// a run of letters, digits and punctuation at a time.
			if isCollapsibleASCII(c) {
				if !space {
					chars++
					space = true
				}
				i++
				continue
			}
			j := plainRun(s, i)
			chars += j - i
			i = j
			for j < len(s) && asciiWordByte[s[j]] {
				if s[j] == ',' {
					commas++
				}
				j++
			}
			chars += j - i
			i = j
			space = false
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch r {
		case '\ufeff', '\u200b', '\u2060':
			continue
		case '\u00a0':
			if !space {
				chars++
				space = true
			}
			continue
		case '\u060c', '\ufe50', '\ufe10', '\ufe11', '\u2e41', '\u2e34',
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

// plainRun returns where the plain ASCII text that starts at s[i], a
// byte that is not white space, ends, eight bytes at a time:
// printable ASCII but commas, words separated by single spaces, and not
// ending with a space. Every byte of it counts one character in
// measureText and is written as it is by textWriter, so they take such
// text in one step and go on byte by byte from the end it returns.
func plainRun(s string, i int) int {
	const (
		ones  uint64 = 0x0101010101010101
		highs uint64 = 0x8080808080808080
	)
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// A byte over 0x7f, or under 0x20 (a control or white space
		// character other than the space), ends the run.
		if x&highs != 0 || (x-0x20*ones)&^x&highs != 0 {
			break
		}
		// So does a comma.
		if c := x ^ 0x2c*ones; (c-ones)&^c&highs != 0 {
			break
		}
		// Spaces, exactly: the high bit of each byte that is 0x20.
		t := x ^ 0x20*ones
		spaces := ^((t&^highs + ^highs) | t) & highs
		if spaces&(spaces<<8) != 0 || spaces>>63 != 0 {
			break // two spaces in a row, or a space at the end
		}
	}
	return i
}

// textCharsBound is at least the characters measureText counts in s, and
// cheap: its bytes but for the whitespace it opens with, which
// measureText does not count, since every character it counts takes at
// least one byte, and every unspaced letter, which counts
// unspacedLetterChars, at least three (all of them lie above U+0E00).
func textCharsBound(s string) int {
	i := 0
	for i < len(s) && isCollapsibleASCII(s[i]) {
		i++
	}
	return len(s) - i
}

// isScorable reports whether an element without block children is a
// paragraph of the page: real paragraphs, the divs and table cells that
// old layouts use in their place, and list items, of which posts written
// as bulleted lists are made.
func isScorable(a atom.Atom, hasBlock bool) bool {
	switch a {
	case atom.P, atom.Pre:
		return true
	case atom.Div, atom.Td, atom.Section, atom.Article, atom.Blockquote,
		atom.Center, atom.Main, atom.Dd, atom.Li:
		return !hasBlock
	}
	return false
}
