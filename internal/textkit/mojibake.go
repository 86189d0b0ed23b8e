package textkit

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Mojibake is text that was encoded in UTF-8, decoded as Windows-1252 or
// Latin-1 and encoded in UTF-8 again, as a server that converts a page
// it believes to be Latin-1 publishes it: "doesn’t" becomes "doesnâ€™t",
// "café" becomes "cafÃ©", an em dash "â" followed by two invisible C1
// controls. Each character of the mojibake stands for one byte of the
// original UTF-8, so the original can be read back.

// cp1252 maps the runes Windows-1252 gives the bytes 0x80 to 0x9F (where
// Latin-1 has the C1 controls) back to those bytes. 0x81, 0x8D, 0x8F,
// 0x90 and 0x9D are undefined in Windows-1252: decoders pass them through
// as the C1 controls, which byteOf reads as Latin-1.
var cp1252 = map[rune]byte{
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87,
	'ˆ': 0x88, '‰': 0x89, 'Š': 0x8A, '‹': 0x8B, 'Œ': 0x8C, 'Ž': 0x8E,
	'‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97,
	'˜': 0x98, '™': 0x99, 'š': 0x9A, '›': 0x9B, 'œ': 0x9C, 'ž': 0x9E, 'Ÿ': 0x9F,
}

// byteOf returns the byte a Windows-1252 or Latin-1 decoder read as r,
// for the bytes 0x80 and up, and false for any other rune.
func byteOf(r rune) (byte, bool) {
	if r >= 0x80 && r <= 0xFF {
		return byte(r), true
	}
	b, ok := cp1252[r]
	return b, ok
}

// MinMojibake is how many unmistakable pieces of mojibake (see
// MojibakeCount) a text needs before it is taken for mojibake and
// repaired: one might be a quotation of mojibake, and a text whose
// encoding went wrong shows it at every apostrophe and accent.
const MinMojibake = 2

// MojibakeCount counts, up to limit, the pieces of mojibake in s that no
// text holds on purpose: a character that stood for a UTF-8 lead byte
// ("Â", "Ã", "â") followed by those that stood for its continuation bytes,
// where the lead is "Â" or "Ã" (the Latin-1 supplement: "Â " for a
// no-break space, "Ã©" for é), or the first continuation is "€" or a C1
// control (general punctuation: "â€™" for ’, "â" + U+0080 + U+0094 for
// —). A cheap byte scan settles most texts: all three leads start with
// the byte 0xC3 in UTF-8.
func MojibakeCount(s string, limit int) int {
	n := 0
	for i := 0; n < limit; {
		j := strings.IndexByte(s[i:], 0xC3)
		if j < 0 || i+j+2 >= len(s) {
			break
		}
		i += j
		// The second byte tells the lead: 0x82 "Â", 0x83 "Ã", 0xA2 "â";
		// any other is a letter such as "é", passed over at once. After
		// "â" only a C1 control or "€" is unmistakable ("pâte" is not).
		switch second := s[i+1]; {
		case second == 0x82 || second == 0x83:
		case second == 0xA2 && (c1At(s, i+2) || strings.HasPrefix(s[i+2:], "€")):
		default:
			i += 2
			continue
		}
		if _, used, ok := readMojibake(s[i:]); ok {
			n++
			i += used
			continue
		}
		i += 2
	}
	return n
}

// c1At reports whether a C1 control (U+0080 to U+009F) starts at byte k
// of s.
func c1At(s string, k int) bool {
	return k+1 < len(s) && s[k] == 0xC2 && s[k+1] <= 0x9F
}

// readMojibake reads one piece of mojibake at the start of s: a rune that
// stood for a UTF-8 lead byte and as many runes after it as that lead
// needs continuation bytes, which together are the UTF-8 of one printable
// rune (a letter, a mark, a number, punctuation, a symbol or a space, not
// a control or a private-use rune). It returns that rune and how many
// bytes of s the piece takes.
func readMojibake(s string) (rune, int, bool) {
	lead, size := utf8.DecodeRuneInString(s)
	b, ok := byteOf(lead)
	var need int
	switch {
	case !ok:
		return 0, 0, false
	case b >= 0xC2 && b <= 0xDF:
		need = 1
	case b >= 0xE0 && b <= 0xEF:
		need = 2
	case b >= 0xF0 && b <= 0xF4:
		need = 3
	default:
		return 0, 0, false
	}
	var buf [4]byte
	buf[0] = b
	used := size
	for k := 1; k <= need; k++ {
		r, size := utf8.DecodeRuneInString(s[used:])
		c, ok := byteOf(r)
		if !ok || c < 0x80 || c > 0xBF {
			return 0, 0, false
		}
		buf[k] = c
		used += size
	}
	r, n := utf8.DecodeRune(buf[:need+1])
	if r == utf8.RuneError || n != need+1 || !unicode.IsGraphic(r) || unicode.Is(unicode.Co, r) {
		return 0, 0, false
	}
	return r, used, true
}

// RepairMojibake returns s with every piece of mojibake (see
// readMojibake) read back as the rune it stood for; text encoded twice
// over is repaired in turn, up to three times. Whether a text is mojibake
// at all is the caller's to decide, over the whole of it (MojibakeCount,
// MinMojibake): "Ã©" in one text node of a page says little, at every
// accent of the page it says all.
func RepairMojibake(s string) string {
	for range 3 {
		s = repairPieces(s)
		if MojibakeCount(s, 1) == 0 {
			break
		}
	}
	return s
}

// repairPieces replaces every piece of mojibake in s (see readMojibake)
// with the rune it stood for.
func repairPieces(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if r, used, ok := readMojibake(s[i:]); ok {
			b.WriteRune(r)
			i += used
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		b.WriteString(s[i : i+size])
		i += size
	}
	return b.String()
}
