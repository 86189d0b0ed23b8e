package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/refeed/refeed/internal/textkit"
)

// foldDateText prepares text for date matching: digits become ASCII and
// Arabic letters fold as textkit.FoldLetter folds them (so month names
// match textkit.Months), the Arabic comma becomes a comma, the year and
// month signs of Chinese, Japanese and Korean become '-' and their day sign
// a space, every kind of space becomes ' ', and tatweel, harakat and
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
// dropped. Digits and letters fold as textkit folds them; the Arabic
// comma and the wide spaces become their ASCII forms.
func foldRune(r rune) (rune, bool) {
	if r < utf8.RuneSelf {
		return r, true
	}
	switch {
	case r == '،':
		return ',', true
	case r == '年' || r == '月' || r == '년' || r == '월':
		// Chinese, Japanese and Korean write 2016年12月6日 and
		// 2016년 12월 6일: read as 2016-12-6.
		return '-', true
	case r == '日' || r == '일':
		return ' ', true
	case r == 0xA0 || r == 0x202F || (r >= 0x2000 && r <= 0x200A) || r == 0x3000:
		return ' ', true
	case textkit.IsMark(r) || textkit.IsFormatMark(r):
		return 0, false
	}
	if d := textkit.DigitValue(r); d >= 0 {
		return '0' + rune(d), true
	}
	return textkit.FoldLetter(r), true
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
		if textkit.DigitValue(r) >= 0 {
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

// mayHoldDate reports whether s may hold a date a date line can show:
// a year in four digits (as hasYearDigits), or a short date such as
// "06.12.16" (as hasShortDate), in one pass over s.
func mayHoldDate(s string) bool {
	run := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if !isASCIIDigit(c) {
				run = 0
				i++
				continue
			}
			run++
			if run == 4 || run == 2 && i+6 < len(s) && s[i+1] == '.' && s[i+4] == '.' &&
				isASCIIDigit(s[i+2]) && isASCIIDigit(s[i+3]) && isASCIIDigit(s[i+5]) && isASCIIDigit(s[i+6]) {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if textkit.DigitValue(r) >= 0 {
			if run++; run == 4 {
				return true
			}
		} else {
			run = 0
		}
		i += size
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
