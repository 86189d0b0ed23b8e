// Package clean holds the caps on what untrusted content (a feed, a page)
// can make refeed store and republish: text without control characters,
// and URLs of bounded length. Packages feeds and extract both apply them,
// so the knowledge lives here once.
package clean

import (
	"strings"
	"unicode/utf8"
)

// MaxURLLength is the longest URL, in bytes, that refeed republishes in a
// link, an image, a srcset or an enclosure; a longer one is dropped with
// its attribute. RFC 9110 (section 4.1) asks every sender and recipient to
// support URLs of at least 8000 octets, so no working link needs more,
// while signed CDN image URLs and percent-encoded Arabic slugs (6 bytes a
// letter) pass 2 KiB often enough that a tighter cap would break real
// links. A hostile 1 MB URL repeated in three output formats is what it
// stops.
const MaxURLLength = 8192

// URLFits reports whether a URL (or a srcset list) is short enough to
// republish.
func URLFits(s string) bool {
	return len(s) <= MaxURLLength
}

// Text returns s as valid UTF-8 without control characters: C0 controls
// other than tab, newline and carriage return, DEL, C1 controls, and the
// noncharacters U+FFFE and U+FFFF are dropped; invalid bytes become
// U+FFFD. XML 1.0 cannot carry most of them at all, and in JSON or HTML a
// NUL or an ESC (terminal escape sequences) only does harm.
func Text(s string) string {
	if !needsWork(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		if IsControl(r) {
			return -1
		}
		return r
	}, s)
}

// needsWork is a fast scan for anything Text changes.
func needsWork(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7F {
			return !asciiOK(s[i:])
		}
	}
	return false
}

// asciiOK checks the rest of s rune by rune once a byte outside plain
// printable ASCII is met, decoding only the bytes that are not ASCII.
func asciiOK(s string) bool {
	for len(s) > 0 {
		if c := s[0]; c < utf8.RuneSelf {
			if IsControl(rune(c)) {
				return false
			}
			s = s[1:]
			continue
		}
		r, size := utf8.DecodeRuneInString(s)
		if r == utf8.RuneError && size == 1 || IsControl(r) {
			return false
		}
		s = s[size:]
	}
	return true
}

// IsControl reports the runes Text drops.
func IsControl(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20, r >= 0x7F && r <= 0x9F, r == 0xFFFE, r == 0xFFFF:
		return true
	}
	return false
}

// Bytes is Text for a document's raw bytes, for a parser that would
// otherwise stop at the first control character. It returns b itself when
// there is nothing to drop.
func Bytes(b []byte) []byte {
	if !needsWork(string(b)) {
		return b
	}
	return []byte(Text(string(b)))
}
