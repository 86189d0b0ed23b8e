package fetch

import (
	"bytes"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// sniffLimit bounds how much of an undeclared document is scored, and
// wordsLimit how far otherScript looks for words to score, which on a
// large page can start past sniffLimit.
const (
	sniffLimit = 256 << 10
	wordsLimit = 4 << 20
)

// legacyCandidates are the single-byte charsets sniffLegacy chooses from, in
// tie-break order: windows-1252 is what browsers fall back to.
var legacyCandidates = []struct {
	name string
	cm   *charmap.Charmap
}{
	{"windows-1252", charmap.Windows1252},
	{"windows-1256", charmap.Windows1256},
	{"iso-8859-6", charmap.ISO8859_6},
}

// sniffLegacy guesses the charset of a document that declares none and is
// not valid UTF-8. Mostly-UTF-8 text with a few stray bytes stays UTF-8.
// Otherwise each candidate single-byte charset is scored on how plausible
// the text it yields is (see plausibility) and the best one wins.
//
// The heuristic rests on where the charsets put their letters. Arabic
// letters in windows-1256 occupy 0xC1–0xFE interleaved with the French
// letters à â ç è é ê ë î ï ô ù û ü; ISO-8859-6 packs them into 0xC1–0xDA and
// 0xE0–0xF2 and leaves the rest undefined. Read in the wrong Arabic charset,
// words come out with Latin letters inside them or with undefined bytes;
// read as windows-1252, Arabic comes out as long runs of accented capitals
// and lower-case letters that no Latin-script language writes.
//
// Arabic is what refeed's first users read, so that decision is ours. Any
// other script (Cyrillic, Greek, Hebrew, Chinese, Japanese, Korean, the
// Central European and Turkish Latin charsets) is left to ICU's statistical
// detector (see otherScript): a Russian page in windows-1251 or a Chinese
// one in GBK, served with the charset only in its HTTP header and saved
// without it, would otherwise come out as windows-1252 mojibake.
func sniffLegacy(body []byte) (encoding.Encoding, string) {
	sample := body[:min(len(body), sniffLimit)]
	if mostlyUTF8(sample) {
		return unicode.UTF8, "utf-8"
	}
	if e, name := otherScript(body[:min(len(body), wordsLimit)]); e != nil {
		return e, name
	}
	best, bestScore := 0, 0
	for i, c := range legacyCandidates {
		if s := plausibility(sample, c.cm); i == 0 || s > bestScore {
			best, bestScore = i, s
		}
	}
	c := legacyCandidates[best]
	return c.cm, c.name
}

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

// mostlyUTF8 reports whether valid multi-byte UTF-8 sequences outnumber
// invalid bytes four to one: a UTF-8 page with a pasted legacy snippet.
func mostlyUTF8(b []byte) bool {
	valid, invalid := 0, 0
	for len(b) > 0 {
		if b[0] < utf8.RuneSelf {
			b = b[1:]
			continue
		}
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			invalid++
		} else {
			valid++
		}
		b = b[max(size, 1):]
	}
	return valid > 0 && valid >= 4*invalid
}

// letterClass sorts the runes the scoring looks at.
type letterClass int

const (
	classOther letterClass = iota
	classASCIILetter
	classLatin // a non-ASCII Latin letter
	classArabic
	classArabicMark // harakat
	classBad        // undefined byte or C1 control
)

func classify1(r rune) letterClass {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		return classASCIILetter
	case r == utf8.RuneError, r >= 0x80 && r <= 0x9F:
		return classBad
	case r >= 0xC0 && r <= 0x24F && r != 0xD7 && r != 0xF7, r == 0x153, r == 0x152:
		return classLatin
	case r >= 0x64B && r <= 0x652:
		return classArabicMark
	case r >= 0x621 && r <= 0x64A, r >= 0x671 && r <= 0x6D3:
		return classArabic
	}
	return classOther
}

// plausibility scores the non-ASCII characters that cm makes of b: Arabic
// letters in Arabic words and accented letters inside Latin words score;
// script mixes inside a word, runs of accented letters and undefined bytes
// cost.
func plausibility(b []byte, cm *charmap.Charmap) int {
	class := func(i int) letterClass {
		if i < 0 || i >= len(b) {
			return classOther
		}
		return classify1(cm.DecodeByte(b[i]))
	}
	score := 0
	for i, c := range b {
		if c < 0x80 {
			continue
		}
		score += runeScore(class(i-1), class(i), class(i+1))
	}
	return score
}

func runeScore(prev, cur, next letterClass) int {
	isArabic := func(c letterClass) bool { return c == classArabic || c == classArabicMark }
	isLatin := func(c letterClass) bool { return c == classASCIILetter || c == classLatin }
	switch cur {
	case classBad:
		return -10
	case classArabic:
		if isLatin(prev) || isLatin(next) {
			return -3
		}
		if isArabic(prev) || isArabic(next) {
			return 2
		}
	case classArabicMark:
		if prev == classArabic {
			return 1
		}
		return -3
	case classLatin:
		if isArabic(prev) || isArabic(next) {
			return -3
		}
		if prev == classASCIILetter || next == classASCIILetter {
			return 2
		}
		if prev == classLatin && next == classLatin {
			return -1
		}
	}
	return 0
}
