package extract

import (
	"strings"
	"unicode/utf8"
)

// foldDateText prepares text for date matching: Arabic-Indic (٠-٩) and
// Persian (۰-۹) digits become ASCII, the alef forms (أ إ آ ٱ) become ا,
// ى and Persian ی become ي, Persian ک becomes ك, the Arabic comma becomes
// a comma, every kind of space becomes ' ', and tatweel, harakat and
// direction marks are dropped. ASCII text is returned as is.
func foldDateText(s string) string {
	if isASCIIString(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if f, ok := foldRune(r); ok {
			b.WriteRune(f)
		}
	}
	return b.String()
}

// foldRune maps one rune for foldDateText; ok is false when the rune is
// dropped.
func foldRune(r rune) (rune, bool) {
	switch {
	case r >= '٠' && r <= '٩':
		return '0' + (r - '٠'), true
	case r >= '۰' && r <= '۹':
		return '0' + (r - '۰'), true
	case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
		return 'ا', true
	case r == 'ى' || r == 'ی':
		return 'ي', true
	case r == 'ک':
		return 'ك', true
	case r == '،':
		return ',', true
	case r == 'ـ' || (r >= 0x064B && r <= 0x0652) || r == 0x0670:
		return 0, false // tatweel and harakat
	case r == 0x200E || r == 0x200F || r == 0x061C || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0x200C || r == 0x200D || r == 0xFEFF:
		return 0, false // direction marks and joiners
	case r == 0xA0 || r == 0x202F || (r >= 0x2000 && r <= 0x200A) || r == 0x3000:
		return ' ', true
	}
	return r, true
}

// isASCIIString reports whether s has only ASCII bytes.
func isASCIIString(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// hasYearDigits reports whether s holds four digits in a row (ASCII,
// Arabic-Indic or Persian), the cheap test run before any date regexp.
func hasYearDigits(s string) bool {
	run := 0
	for _, r := range s {
		if (r >= '0' && r <= '9') || (r >= '٠' && r <= '٩') || (r >= '۰' && r <= '۹') {
			run++
			if run == 4 {
				return true
			}
			continue
		}
		run = 0
	}
	return false
}

// foldWithOffsets is foldDateText that also returns, for each byte of the
// folded text, the offset of the rune it came from in s, so that a match
// in the folded text can be cut out of the original.
func foldWithOffsets(s string) (string, []int) {
	var b strings.Builder
	b.Grow(len(s))
	offsets := make([]int, 0, len(s)+1)
	for i, r := range s {
		f, ok := foldRune(r)
		if !ok {
			continue
		}
		n := b.Len()
		b.WriteRune(f)
		for range b.Len() - n {
			offsets = append(offsets, i)
		}
	}
	offsets = append(offsets, len(s))
	return b.String(), offsets
}
