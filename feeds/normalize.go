package feeds

import (
	"strings"
	"unicode"
)

// NormalizeTitle folds a headline to the form used to detect the same story
// published by several sources. It lower-cases, maps Arabic-Indic, Extended
// Arabic-Indic and fullwidth digits to ASCII, and for Arabic
// script strips diacritics (harakat, tanween, shadda, sukun, superscript
// alef, Quranic marks) and tatweel, unifies the alef forms (أ إ آ ٱ → ا),
// yaa forms (ى ی ئ → ي), taa marbuta (ة → ه), hamza on waw (ؤ → و), kaf
// (ک → ك), and drops punctuation and symbols, collapsing whitespace.
func NormalizeTitle(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true // suppress leading space
	for _, r := range s {
		r = foldRune(r)
		switch {
		case r < 0:
			continue
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			b.WriteRune(r)
			space = false
		case !space:
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// foldRune maps one rune to its folded form, or -1 to drop it.
func foldRune(r rune) rune {
	if d := digitValue(r); d >= 0 {
		return '0' + rune(d)
	}
	switch {
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r >= 0x06D6 && r <= 0x06ED,
		r >= 0x0610 && r <= 0x061A, r == 0x0640: // diacritics, marks, tatweel
		return -1
	case unicode.Is(unicode.Mn, r): // other combining marks
		return -1
	}
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ', 'ٲ', 'ٳ':
		return 'ا'
	case 'ى', 'ی', 'ئ', 'ې':
		return 'ي'
	case 'ة':
		return 'ه'
	case 'ؤ':
		return 'و'
	case 'ک':
		return 'ك'
	}
	return unicode.ToLower(r)
}

// digitValue returns the value of an Arabic-Indic, Extended (Persian/Urdu)
// Arabic-Indic or fullwidth digit, or -1 for any other rune.
func digitValue(r rune) int {
	for _, zero := range [...]rune{0x0660, 0x06F0, 0xFF10} {
		if r >= zero && r <= zero+9 {
			return int(r - zero)
		}
	}
	return -1
}
