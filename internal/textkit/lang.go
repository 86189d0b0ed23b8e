package textkit

import (
	"strings"
	"unicode"

	"golang.org/x/text/language"
)

// rtlScripts are the ISO 15924 codes of the scripts written right to
// left: Arabic, Hebrew, Syriac, Thaana, N'Ko, Samaritan, Mandaic, Adlam,
// Hanifi Rohingya, Yezidi, Mende Kikakui, and the historic ones a page
// may still declare (Imperial Aramaic, Phoenician, Sogdian, Avestan,
// Kharoshthi, Nabataean, Palmyrene, South and North Arabian, Parthian,
// Pahlavi, Manichaean, Hatran, Elymaic, Chorasmian, Lydian, Old Turkic,
// Old Hungarian, Old Uyghur).
var rtlScripts = map[string]bool{
	"Arab": true, "Hebr": true, "Syrc": true, "Thaa": true, "Nkoo": true, "Samr": true,
	"Mand": true, "Adlm": true, "Rohg": true, "Yezi": true, "Mend": true,
	"Armi": true, "Phnx": true, "Sogd": true, "Sogo": true, "Avst": true, "Khar": true,
	"Nbat": true, "Palm": true, "Sarb": true, "Narb": true, "Prti": true, "Phli": true,
	"Phlp": true, "Mani": true, "Hatr": true, "Elym": true, "Chrs": true, "Lydi": true,
	"Orkh": true, "Hung": true, "Ougr": true,
}

// RTLTables are the Unicode scripts of living right-to-left writing, the
// ones TextDirection counts.
var RTLTables = []*unicode.RangeTable{
	unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko,
	unicode.Samaritan, unicode.Mandaic, unicode.Adlam, unicode.Hanifi_Rohingya,
}

// IsRTLLang reports whether a language tag names writing that runs right
// to left: its script, written in the tag ("ku-Arab", "az-Arab") or the
// one CLDR gives the language ("ar", "fa-IR", "ckb", "syr", "yi", "dv"),
// is a right-to-left script. So "ku" (Kurmanji, Latin script) is left to
// right and "ckb" (Sorani, Arabic script) right to left. "ar_IQ" and
// "iw" are read as "ar-IQ" and "he"; an unparseable tag is not RTL.
func IsRTLLang(tag string) bool {
	tag = strings.ReplaceAll(strings.TrimSpace(tag), "_", "-")
	if tag == "" {
		return false
	}
	t, err := language.Parse(tag)
	if err != nil {
		return false
	}
	script, conf := t.Script()
	return conf != language.No && rtlScripts[script.String()]
}

// IsRTLLetter reports whether r is a letter of a right-to-left script.
func IsRTLLetter(r rune) bool {
	return r >= 0x0590 && unicode.IsLetter(r) && unicode.In(r, RTLTables...)
}

// CountScripts counts the letters of right-to-left scripts and the other
// letters in text.
func CountScripts(text string) (rtl, other int) {
	for _, r := range text {
		switch {
		case r < 0x80:
			if ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') {
				other++
			}
		case !unicode.IsLetter(r):
		case unicode.In(r, RTLTables...):
			rtl++
		default:
			other++
		}
	}
	return rtl, other
}

// TextDirection guesses the direction of text from its letters: "rtl"
// when letters of right-to-left scripts outnumber the others, "ltr" when
// they do not, "" when text has no letters.
func TextDirection(text string) string {
	rtl, other := CountScripts(text)
	switch {
	case rtl == 0 && other == 0:
		return ""
	case rtl > other:
		return "rtl"
	}
	return "ltr"
}

// IsUnspacedLetter reports whether r belongs to a script written without
// spaces between words: Chinese, Japanese kana, Thai, Lao, Khmer,
// Myanmar, Tibetan.
func IsUnspacedLetter(r rune) bool {
	if r < 0x0E00 {
		return false // below Thai: every script there spaces its words
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai,
		unicode.Lao, unicode.Khmer, unicode.Myanmar, unicode.Tibetan)
}

// CountWords counts the words of s: its space-separated words, and in a
// run of letters of a script written without spaces (IsUnspacedLetter)
// one word for every two letters, about the length of a Chinese word. It
// stops counting at limit; a negative limit counts them all.
func CountWords(s string, limit int) int {
	n, run := 0, 0 // run counts the unspaced letters not yet counted
	inWord := false
	for _, r := range s {
		if IsUnspacedLetter(r) {
			run++
			inWord = false
			continue
		}
		n += (run + 1) / 2
		run = 0
		switch {
		case unicode.IsSpace(r):
			inWord = false
		case !inWord:
			inWord = true
			n++
		}
		if limit >= 0 && n >= limit {
			return limit
		}
	}
	n += (run + 1) / 2
	if limit >= 0 && n > limit {
		return limit
	}
	return n
}
