package textkit

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// DigitValue returns the value of an ASCII, Arabic-Indic (٠-٩), Extended
// Arabic-Indic (Persian and Urdu, ۰-۹) or fullwidth digit, or -1 for any
// other rune.
func DigitValue(r rune) int {
	if r < utf8.RuneSelf { // ASCII: the first zero below, checked directly
		if '0' <= r && r <= '9' {
			return int(r - '0')
		}
		return -1
	}
	for _, zero := range [...]rune{'0', 0x0660, 0x06F0, 0xFF10} {
		if r >= zero && r <= zero+9 {
			return int(r - zero)
		}
	}
	return -1
}

// FoldDigits returns s with every digit DigitValue knows written in ASCII.
func FoldDigits(s string) string {
	if isASCII(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if d := DigitValue(r); d >= 0 {
			return '0' + rune(d)
		}
		return r
	}, s)
}

// FoldLetter unifies the Arabic-script letters that writers use for one
// another: the alef forms (أ إ آ ٱ ٲ ٳ) become ا, the yeh forms (ى ی ئ ې)
// ي, teh marbuta ة becomes ه, waw with hamza ؤ becomes و and Persian kaf ک
// becomes ك. Other runes are returned as they are.
func FoldLetter(r rune) rune {
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
	return r
}

// IsMark reports whether r is a mark that matching ignores: Arabic
// harakat, tanween, shadda, sukun, superscript alef, Quranic annotation
// signs, tatweel, and any other combining mark.
func IsMark(r rune) bool {
	switch {
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r >= 0x06D6 && r <= 0x06ED,
		r >= 0x0610 && r <= 0x061A, r == 0x0640:
		return true
	case r < 0x0300:
		return false
	}
	return unicode.Is(unicode.Mn, r)
}

// IsFormatMark reports whether r is an invisible direction mark, isolate,
// embedding or joiner (LRM, RLM, ALM, LRE…PDF, LRI…PDI, ZWJ, ZWNJ, BOM).
func IsFormatMark(r rune) bool {
	return r == 0x200E || r == 0x200F || r == 0x061C || (r >= 0x202A && r <= 0x202E) ||
		(r >= 0x2066 && r <= 0x2069) || r == 0x200C || r == 0x200D || r == 0xFEFF
}

// FoldRune folds one rune for matching: digits to ASCII, Arabic letter
// variants unified (FoldLetter), lower case. It returns -1 for a rune
// matching ignores (IsMark). Direction marks and joiners are kept: to
// FoldPhrase they separate words, as they always have in the story keys
// feeds derive GUIDs from.
func FoldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	if d := DigitValue(r); d >= 0 {
		return '0' + rune(d)
	}
	if IsMark(r) {
		return -1
	}
	return unicode.ToLower(FoldLetter(r))
}

// FoldPhrase folds text for comparing phrases and headlines: every rune
// through FoldRune, and every run of punctuation, symbols and spaces
// turned into one space, trimmed. "Related Articles:" and "مقالات ذات
// صلة" become "related articles" and "مقالات ذات صله".
func FoldPhrase(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true // no leading space
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			// ASCII: what FoldRune and the cases below do, by byte; a
			// run of lowercase words, folded already, in one go.
			if foldedByte[c] && c != ' ' {
				j := foldedRun(s, i)
				b.WriteString(s[i:j])
				i, space = j, s[j-1] == ' '
				continue
			}
			i++
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				b.WriteByte(c)
				space = false
			case !space:
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		r = FoldRune(r)
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

// foldedByte holds, by byte, whether FoldPhrase writes it as it is: a
// lowercase ASCII letter, an ASCII digit or the space. It is never
// changed.
var foldedByte = func() (t [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = true
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	t[' '] = true
	return t
}()

// foldedRun returns where the text that FoldPhrase keeps as it is, from
// s[i], a lowercase letter or a digit, ends: lowercase letters, digits
// and single spaces.
func foldedRun(s string, i int) int {
	j := i + 1
	for j < len(s) && foldedByte[s[j]] && !(s[j] == ' ' && s[j-1] == ' ') {
		j++
	}
	return j
}

// isASCII reports whether s has only ASCII bytes.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
