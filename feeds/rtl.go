package feeds

import (
	"html"
	"strings"

	"golang.org/x/text/language"

	"github.com/refeed/refeed/internal/textkit"
)

const (
	dirRTL = "rtl"
	dirLTR = "ltr"
)

// normalizeLang canonicalises a language tag ("ar_iq" → "ar-IQ"); it
// returns "" for an empty or unparseable tag.
func normalizeLang(tag string) string {
	tag = strings.TrimSpace(tag)
	if tag == "" {
		return ""
	}
	t, err := language.Parse(tag)
	if err != nil {
		return ""
	}
	return t.String()
}

// isRTLLang reports whether tag names a language written right to left
// (textkit.IsRTLLang: "ar", "fa", "ckb", "syr", not "ku").
func isRTLLang(tag string) bool { return textkit.IsRTLLang(tag) }

// textDir guesses the direction of text from its letters: "rtl" when
// letters of right-to-left scripts (Arabic, Hebrew, Syriac, Thaana, N'Ko…)
// outnumber the others, "ltr" when other letters dominate, "" without
// letters.
func textDir(text string) string { return textkit.TextDirection(text) }

// itemLangDir decides an item's language and direction. A right-to-left
// declared language wins. Otherwise the script of the title and text
// decides the direction, and a declared left-to-right language that the
// script contradicts is dropped: many Arabic sites run CMSs that declare
// "en-US" by default, and labelling Arabic text English would make readers
// lay it out left to right. The script does not say which language it is
// (Arabic script also writes Kurdish, Persian, Urdu), so none is guessed.
func itemLangDir(lang, title, text string) (string, string) {
	if isRTLLang(lang) {
		return lang, dirRTL
	}
	if len(text) > 2000 {
		text = text[:2000]
	}
	dir := textDir(title + " " + text)
	switch {
	case dir == dirRTL:
		return "", dirRTL
	case dir == "" && lang != "":
		return lang, dirLTR
	}
	return lang, dir
}

// wrapDir wraps HTML in <div dir="..." lang="..."> so that readers which
// ignore the feed's language still lay it out correctly. dir "" leaves the
// content alone, as does content that already opens with a dir wrapper.
// An empty lang writes no lang attribute, unless unknown asks for lang="",
// HTML's "language unknown", which stops the feed's language applying.
func wrapDir(content, dir, lang string, unknown bool) string {
	if dir == "" || content == "" || strings.HasPrefix(content, `<div dir="`) {
		return content
	}
	open := `<div dir="` + dir + `">`
	if lang != "" || unknown {
		open = `<div dir="` + dir + `" lang="` + html.EscapeString(lang) + `">`
	}
	return open + content + "</div>"
}
