package fetch

import (
	"unicode/utf8"

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
