package fetch

import (
	"bytes"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/text/encoding"
)

// otherScriptConfidence is the least confidence (ICU's 1–100 scale) at
// which otherScript trusts the detector, and otherScriptMargin how far
// ahead of its windows-1252 reading the answer must be. Real Ukrainian text
// in windows-1251 scores in the high 20s and Polish in ISO-8859-2 1.5 times
// its windows-1252 score; an English page whose UTF-8 was decoded twice
// before it was saved scores 26 for windows-1251 against 25 for
// windows-1252.
const (
	otherScriptConfidence = 20
	otherScriptMargin     = 1.4
)

// otherScript asks ICU's detector (github.com/gogs/chardet) for a charset
// outside the ones sniffLegacy scores itself. It returns nil when the
// detector is unsure, names windows-1252 or an Arabic charset, or names
// one the WHATWG standard does not know (EBCDIC).
//
// The detector reads only its first 8 KiB, which on a modern page is
// scripts and styles, so it is given the page's words that hold non-ASCII
// bytes instead (see foreignWords): the text that tells charsets apart.
func otherScript(sample []byte) (encoding.Encoding, string) {
	words := foreignWords(sample)
	if highBytes(words) < minEvidence {
		return nil, ""
	}
	results, err := chardet.NewTextDetector().DetectAll(words)
	if err != nil || results[0].Confidence < otherScriptConfidence {
		return nil, ""
	}
	e, name := lookup(results[0].Charset)
	switch name {
	case "", "utf-8", "windows-1252", "windows-1256", "iso-8859-6":
		return nil, ""
	}
	for _, r := range results[1:] {
		if _, n := lookup(r.Charset); n == "windows-1252" && float64(results[0].Confidence) < otherScriptMargin*float64(r.Confidence) {
			return nil, ""
		}
	}
	return e, name
}

// minEvidence is how many non-ASCII bytes otherScript wants before asking
// the detector, which is sure of anything given three words: "360° × ©"
// comes out as KOI8-R with confidence 98.
const minEvidence = 32

func highBytes(b []byte) int {
	n := 0
	for _, c := range b {
		if c >= utf8.RuneSelf {
			n++
		}
	}
	return n
}

// punctuationOnly reports whether every non-ASCII byte of a word is one of
// the quotes, dashes, spaces and signs (€ ™ © ® ° « » ×) that English and
// other Western text sprinkle in. In windows-1252 and its Cyrillic, Greek
// and Hebrew siblings most of these bytes are the same signs, so they say
// little about the script and drown the letters that do: "50×" alone reads
// as KOI8-R, where 0xD7 is the word "в". The signs ISO-8859-2 puts letters
// on (£ ± ³ ¶ ¹: Ł ą ł ś š) are not in the list.
func punctuationOnly(word []byte) bool {
	for _, c := range word {
		switch {
		case c < utf8.RuneSelf:
		case c == 0x80, c == 0x85, c >= 0x91 && c <= 0x97, c == 0x99, c == 0xA0,
			c == 0xA9, c == 0xAB, c == 0xAE, c == 0xB0, c == 0xB7, c == 0xBB, c == 0xD7:
		default:
			return false
		}
	}
	return true
}

// detectorInput is how much text the detector reads.
const detectorInput = 8 << 10

// foreignWords returns up to detectorInput bytes of the words of an HTML
// document that hold a byte outside ASCII, space-separated, leaving out
// markup, comments, scripts and styles. Words split at ASCII spaces and
// '<', which no trail byte of the multi-byte charsets is.
func foreignWords(b []byte) []byte {
	out := make([]byte, 0, detectorInput)
	for i := 0; i < len(b) && len(out) < detectorInput; {
		if b[i] == '<' {
			i += skipMarkup(b[i:])
			continue
		}
		j, high := i, false
		for j < len(b) && b[j] != '<' && !isASCIISpace(b[j]) {
			high = high || b[j] >= utf8.RuneSelf
			j++
		}
		if high && !punctuationOnly(b[i:j]) {
			out = append(out, b[i:j]...)
			out = append(out, ' ')
		}
		i = max(j, i+1)
	}
	return out
}

// skipMarkup returns the length of the tag, comment or script or style
// element b starts with.
func skipMarkup(b []byte) int {
	end := func(from int, closer string) int {
		if k := indexFold(b[from:], closer); k >= 0 {
			return from + k + len(closer)
		}
		return len(b)
	}
	switch {
	case bytes.HasPrefix(b, []byte("<!--")):
		return end(4, "-->")
	case hasPrefixFold(b, "<script"):
		return end(7, "</script")
	case hasPrefixFold(b, "<style"):
		return end(6, "</style")
	}
	return end(1, ">")
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// hasPrefixFold is bytes.HasPrefix ignoring ASCII case; prefix is lower case.
func hasPrefixFold(b []byte, prefix string) bool {
	if len(b) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		if c := b[i]; c|0x20 != prefix[i] && c != prefix[i] {
			return false
		}
	}
	return true
}

// indexFold is bytes.Index ignoring ASCII case; sep is lower case and
// starts with a byte that has no case.
func indexFold(b []byte, sep string) int {
	for k := 0; ; {
		n := bytes.IndexByte(b[k:], sep[0])
		if n < 0 {
			return -1
		}
		k += n
		if hasPrefixFold(b[k:], sep) {
			return k
		}
		k++
	}
}
