package listing

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/refeed/refeed/internal/textkit"
)

// anchor is an <a href> of the page and whether it sits in page chrome.
type anchor struct {
	node   *html.Node
	url    string // canonical, "" when not a web page
	chrome bool
}

// anchors returns every <a href> of the page in document order, each
// resolved and marked when it sits inside page chrome.
func (p *page) anchors() []anchor {
	var out []anchor
	var walk func(n *html.Node, chrome, inContent bool)
	walk = func(n *html.Node, chrome, inContent bool) {
		if n.Type == html.ElementNode {
			chrome = chrome || isChrome(n, inContent)
			inContent = inContent || isContent(n)
			if n.DataAtom == atom.A {
				if href := attr(n, "href"); href != "" {
					out = append(out, anchor{node: n, url: p.resolve(href), chrome: chrome})
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, chrome, inContent)
		}
	}
	walk(p.doc.Get(0), false, false)
	return out
}

// isChrome reports whether element n is site navigation or a box of
// links that are not the listing: by tag, ARIA role, class or id, or by
// a heading such as "الأكثر قراءة" (most read). inContent says n is
// inside the page's content (main, a section, an article card), where a
// <header> holds a headline rather than the site's masthead.
func isChrome(n *html.Node, inContent bool) bool {
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Main, atom.Article:
		return false
	case atom.Nav, atom.Menu, atom.Footer, atom.Aside:
		return true
	case atom.Header:
		if !inContent {
			return true
		}
	}
	switch strings.ToLower(attr(n, "role")) {
	case "navigation", "banner", "contentinfo", "menu", "menubar", "search", "complementary":
		return true
	}
	if chromeNames(attr(n, "class")+" "+attr(n, "id"), inContent) && !holdsArticles(n) {
		return true
	}
	return hasChromeHeading(n)
}

// isContent reports whether n holds page content: <main>, <article>,
// <section> or an element whose class names an article card.
func isContent(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Main, atom.Article, atom.Section:
		return true
	}
	for _, tok := range strings.Fields(attr(n, "class")) {
		for _, w := range splitWords(tok) {
			switch w {
			case "article", "post", "entry", "card", "story":
				return true
			}
		}
	}
	return false
}

// chromeWords are words of class and id names that mark page chrome.
var chromeWords = map[string]bool{
	"nav": true, "navbar": true, "navigation": true, "menu": true, "submenu": true, "megamenu": true, "menubar": true,
	"breadcrumb": true, "breadcrumbs": true, "pagination": true, "pager": true, "paging": true, "pagenavi": true,
	"footer": true, "copyright": true, "sitemap": true, "masthead": true, "topbar": true,
	"share": true, "sharing": true, "social": true, "tags": true, "tag": true, "tagcloud": true, "keywords": true,
	"login": true, "signin": true, "signup": true, "register": true, "account": true,
	"sidebar": true, "widget": true, "related": true, "popular": true, "trending": true, "mostread": true,
	"most": true, "comments": true, "comment": true, "cookie": true, "newsletter": true, "ads": true, "advert": true,
}

// chromeNames reports whether a class or id list names page chrome. The
// word "header" counts only outside the content ("entry-header" holds a
// headline), and WordPress's taxonomy and state classes on a post
// ("tag-parliament", "category-news", "has-post-thumbnail") are not
// names of chrome.
func chromeNames(names string, inContent bool) bool {
	for _, tok := range strings.Fields(names) {
		if taxonomyClass(tok) {
			continue
		}
		for _, w := range splitWords(tok) {
			if chromeWords[w] || (w == "header" && !inContent) {
				return true
			}
		}
	}
	return false
}

// taxonomyClass reports a class WordPress's post_class() derives from a
// post's tags, categories or state.
func taxonomyClass(tok string) bool {
	tok = strings.ToLower(tok)
	for _, prefix := range []string{"tag-", "category-", "has-", "format-", "status-", "type-"} {
		if strings.HasPrefix(tok, prefix) && !strings.HasPrefix(tok, "tag-cloud") {
			return true
		}
	}
	return false
}

// splitWords splits a class or id name into its lower-cased words at -,
// _ and camel-case humps: "most-read", "most_read" and "mostRead" all
// give "most", "read".
func splitWords(tok string) []string {
	var words []string
	start := 0
	prevLower := false
	for i, r := range tok {
		switch {
		case r == '-' || r == '_':
			words = appendWord(words, tok[start:i])
			start, prevLower = i+1, false
			continue
		case unicode.IsUpper(r) && prevLower:
			words = appendWord(words, tok[start:i])
			start = i
		}
		prevLower = unicode.IsLower(r) || unicode.IsDigit(r)
	}
	return appendWord(words, tok[start:])
}

func appendWord(words []string, w string) []string {
	if w == "" {
		return words
	}
	return append(words, strings.ToLower(w))
}

// holdsArticles reports whether n contains <main> or <article>: a page
// wrapper that happens to carry a chrome-sounding class ("has-sidebar").
func holdsArticles(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Main || c.DataAtom == atom.Article || holdsArticles(c)) {
			return true
		}
	}
	return false
}

// maxBoxTitle bounds the bytes of a heading read to recognise a box: the
// titles are short, and a heading wrapping a whole page must not cost a
// walk over it for every container around it.
const maxBoxTitle = 200

// hasChromeHeading reports whether container n opens with a heading that
// names a most-read or related box.
func hasChromeHeading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Ul, atom.Ol, atom.Table, atom.Td:
	default:
		return false
	}
	// The heading may sit a few wrappers down: table > tbody > tr > td.
	h := firstElement(n)
	for range 3 {
		if h == nil || isHeading(h) {
			break
		}
		h = firstElement(h)
	}
	if h == nil || !isHeading(h) {
		return false
	}
	title := textkit.FoldPhrase(textUpTo(h, maxBoxTitle))
	return len(strings.Fields(title)) <= 5 && textkit.ContainsOtherStoriesTitle(title)
}

// firstElement returns n's first child element.
func firstElement(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return c
		}
	}
	return nil
}

// isHeading reports whether n is h1–h6 or an element whose class names
// a box title.
func isHeading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	for _, tok := range strings.Fields(attr(n, "class")) {
		for _, w := range splitWords(tok) {
			if w == "title" || w == "heading" || w == "headline" {
				return true
			}
		}
	}
	return false
}
