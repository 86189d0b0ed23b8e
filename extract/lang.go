package extract

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/text/language"

	"github.com/refeed/refeed/internal/textkit"
)

// pageLang returns the page's declared language: <html lang>, xml:lang,
// the content-language meta, dc.language, og:locale (ar_IQ → ar-IQ),
// JSON-LD inLanguage, then <body lang>. Values that are not language tags
// ("{{lang}}", "none") are skipped. It returns "" when the page says nothing.
func pageLang(idx *pageIndex, tags metaTags, ld ldArticle) string {
	for _, v := range [...]string{
		attrOfNil(idx.html, "lang"), attrOfNil(idx.html, "xml:lang"),
		tags.first("content-language", "language", "dc.language", "dc:language", "dcterms.language"),
		tags.first("og:locale"), ld.Lang, attrOfNil(idx.body, "lang"),
	} {
		if tag := cleanLangTag(v); tag != "" {
			return tag
		}
	}
	return ""
}

// cleanLangTag returns v as a canonical BCP 47 tag ("en-us" → "en-US",
// "ar_IQ" → "ar-IQ", "iw" → "he"), or "" when it does not parse. A list ("ar, en") gives
// its first tag.
func cleanLangTag(v string) string {
	v = strings.TrimSpace(v)
	if i := strings.IndexAny(v, ",; "); i >= 0 {
		v = v[:i]
	}
	v = strings.ReplaceAll(v, "_", "-")
	if v == "" || strings.EqualFold(v, "und") {
		return ""
	}
	tag, err := language.Parse(v)
	if err != nil {
		return ""
	}
	return tag.String()
}

// langIsRTL reports whether a language tag names a right-to-left
// language or script ("ar", "fa-IR", "ckb", "ku-Arab"; not "ku").
func langIsRTL(tag string) bool { return textkit.IsRTLLang(tag) }

// declaredDir returns the dir attribute ("rtl" or "ltr") of the
// innermost of <article>, <main>, <body> and <html> that has one, or "":
// the element closest to the text says most about it.
func declaredDir(idx *pageIndex) string {
	for _, n := range [...]*html.Node{idx.article, idx.main, idx.body, idx.html} {
		switch d := strings.ToLower(strings.TrimSpace(attrOfNil(n, "dir"))); d {
		case "rtl", "ltr":
			return d
		}
	}
	return ""
}

// pickDir decides the page direction. A declared rtl wins. A declared
// ltr wins unless the text is mostly in a right-to-left script (templates
// often keep a stray dir="ltr"). Without a declaration the language
// decides, and without a language the script of the text.
func pickDir(declared, lang, sample string) string {
	textDir := textDirection(sample)
	switch {
	case declared == "rtl":
		return "rtl"
	case declared == "ltr" && textDir == "rtl":
		return "rtl"
	case declared == "ltr":
		return "ltr"
	case lang != "" && langIsRTL(lang):
		return "rtl"
	case lang != "" && sample == "":
		return "ltr"
	}
	return textDir
}

// textDirection guesses "rtl" or "ltr" from the script of text: "rtl"
// when letters of right-to-left scripts (Arabic, Hebrew, Syriac, Thaana…)
// outnumber the other letters. Text without letters is "ltr".
func textDirection(text string) string {
	if textkit.TextDirection(text) == "rtl" {
		return "rtl"
	}
	return "ltr"
}

// guessLang names the language of text from its script when the page
// declares none: "ckb" (Sorani Kurdish) when its letters (ڕ ڵ ۆ ێ ە) show,
// "ur" for Urdu letters (ٹ ڈ ڑ ں ے), "fa" for Persian ones (پ چ ژ گ and
// Persian yeh/keheh), "ar" for other Arabic script, "he" for Hebrew, and
// "" otherwise.
func guessLang(text string) string {
	var c scriptCounts
	for _, r := range text {
		c.add(r)
	}
	if c.arabic <= c.other || c.arabic < c.hebrew {
		if c.hebrew > c.other {
			return "he"
		}
		return ""
	}
	// A few marked letters in a hundred are enough: loanwords and
	// names bring stray ones into Arabic text, never that many.
	switch {
	case c.sorani*50 > c.arabic:
		return "ckb"
	case c.urdu*50 > c.arabic:
		return "ur"
	case c.persian*50 > c.arabic:
		return "fa"
	}
	return "ar"
}

// scriptCounts counts letters by script and by the letters that tell
// the languages written in Arabic script apart.
type scriptCounts struct {
	arabic, persian, urdu, sorani, hebrew, other int
}

func (c *scriptCounts) add(r rune) {
	switch {
	case r == 'ڕ' || r == 'ڵ' || r == 'ۆ' || r == 'ێ' || r == 'ە':
		c.sorani++
		c.arabic++
	case r == 'ٹ' || r == 'ڈ' || r == 'ڑ' || r == 'ں' || r == 'ے':
		c.urdu++
		c.arabic++
	case r == 'پ' || r == 'چ' || r == 'ژ' || r == 'گ' || r == 'ی' || r == 'ک':
		c.persian++
		c.arabic++
	case r < 0x80:
		if ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') {
			c.other++
		}
	case unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r):
		c.arabic++
	case unicode.Is(unicode.Hebrew, r) && unicode.IsLetter(r):
		c.hebrew++
	case unicode.IsLetter(r):
		c.other++
	}
}

// maxSampleBytes bounds the body text read to guess direction and
// language; a few paragraphs are enough to tell the script.
const maxSampleBytes = 4096

// textSample returns up to maxSampleBytes of the visible body text.
func textSample(idx *pageIndex) string {
	body := idx.bodyOrRoot()
	if body == nil {
		return ""
	}
	var b strings.Builder
	b.Grow(maxSampleBytes) // one buffer for the usual many small texts
	walkVisible(body, func(n *html.Node) bool {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		return b.Len() < maxSampleBytes
	})
	return b.String()
}
