package feeds

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// htmlText returns the visible text of an HTML fragment: tags removed,
// entities decoded, script/style skipped, whitespace collapsed, with a
// space where block elements break the flow.
func htmlText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return collapseSpace(s)
	}
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return collapseSpace(b.String())
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if isRawTextTag(tok.Data) && tok.Type != html.SelfClosingTagToken {
				if tok.Type == html.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
			}
			if isBreakingTag(tok.Data) {
				b.WriteByte(' ')
			}
		}
	}
}

func isRawTextTag(name string) bool {
	switch name {
	case "script", "style", "noscript", "template", "iframe":
		return true
	}
	return false
}

// isBreakingTag reports elements that separate words (blocks, line
// breaks, cells); inline elements such as <a> or <b> do not.
func isBreakingTag(name string) bool {
	switch name {
	case "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
		"figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
		"hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th",
		"tr", "ul", "img", "iframe", "video", "audio":
		return true
	}
	return false
}

// plainTitle turns a feed title, which may carry markup or entities, into
// plain text.
func plainTitle(s string) string {
	return htmlText(s)
}

// collapseSpace trims s and collapses runs of white space to one space.
func collapseSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// excerpt returns at most n runes of plain text, cut at a word boundary and
// marked with an ellipsis when shortened.
func excerpt(text string, n int) string {
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	cut := 0
	for i := range text {
		if n == 0 {
			cut = i
			break
		}
		n--
	}
	if sp := strings.LastIndexByte(text[:cut], ' '); sp > cut/2 {
		cut = sp
	}
	return strings.TrimRight(text[:cut], " ,.;:،؛") + "…"
}
