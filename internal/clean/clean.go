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

// needsWork is a fast scan for anything Text changes: invalid UTF-8, or
// the bytes of a rune IsControl reports. In valid UTF-8 those bytes mean
// only that rune: a byte under 0x80 is never part of a longer sequence,
// and 0xC2 and 0xEF only ever lead one, so no rune needs decoding.
func needsWork(s string) bool {
	for i := 0; i < len(s); i++ {
		if !workLead[s[i]] {
			continue // the common byte: one table load
		}
		switch c := s[i]; {
		case c < 0x20:
			if c != '\t' && c != '\n' && c != '\r' {
				return true // C0 controls
			}
		case c == 0x7F:
			return true // DEL
		case c == 0xC2:
			if i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9F {
				return true // C1 controls, U+0080 to U+009F
			}
		case c == 0xEF:
			if i+2 < len(s) && s[i+1] == 0xBF && (s[i+2] == 0xBE || s[i+2] == 0xBF) {
				return true // U+FFFE, U+FFFF
			}
		}
	}
	return !utf8.ValidString(s)
}

// workLead holds, by byte, whether needsWork must look at it: the bytes
// its cases below test. It is never changed.
var workLead = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = c != '\t' && c != '\n' && c != '\r'
	}
	t[0x7F], t[0xC2], t[0xEF] = true, true, true
	return t
}()

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
