package extract

import (
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/refeed/refeed/internal/textkit"
)

// isBoxTag reports whether elements with tag a hold a box of page parts.
func isBoxTag(a atom.Atom) bool {
	switch a {
	case atom.Div, atom.Section, atom.Aside, atom.Ul, atom.Ol, atom.Dl,
		atom.Table, atom.Tbody, atom.Header, atom.Footer, atom.Nav, atom.Form:
		return true
	}
	return false
}

// isTitleTag reports whether elements with tag a can title a box.
func isTitleTag(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.B,
		atom.Strong, atom.Span, atom.Font, atom.Div, atom.P, atom.Td, atom.Th,
		atom.Legend, atom.Caption, atom.Li, atom.Label:
		return true
	}
	return false
}

// titledBox reports whether box n opens with a box title such as
// "Comments" or "الأكثر قراءة": its first text sits in a title-like
// element and is one of boxTitles.
func titledBox(n *html.Node) bool {
	if n.DataAtom == atom.Table {
		return titledTable(n)
	}
	t := firstText(n, 0, 3)
	if t == nil {
		return false
	}
	title := t.Parent
	if title != nil && title.DataAtom == atom.A {
		title = title.Parent // a linked heading: <h3><a>Related</a></h3>
	}
	if title == nil || title == n || !isTitleTag(title.DataAtom) {
		return false
	}
	if title.Parent != n && (title.Parent == nil || title.Parent.Parent != n) {
		return false // a title deep inside is some inner box's, not n's
	}
	if title.Parent != n && holdsLinkBesides(title.Parent, title) {
		return false // "Share this:" over its links titles the bar, not n
	}
	text := shortText(title, maxTitleChars)
	return text != "" && isBoxTitle(text)
}

// titledTable reports whether table n opens with a row of one cell that
// holds nothing but a box title: the way a page laid out in tables titles
// its boxes ("التعليقات" over the readers' comments, "Most read" over a
// list), a heading row deeper in the table than titledBox looks.
func titledTable(n *html.Node) bool {
	row := firstRow(n)
	if row == nil {
		return false
	}
	cell := firstElementChild(row)
	if cell == nil || cell.DataAtom != atom.Td && cell.DataAtom != atom.Th || nextElement(cell) != nil {
		return false
	}
	text := shortText(cell, maxTitleChars)
	return text != "" && isBoxTitle(text)
}

// firstRow returns the first row of table n, inside its first row group
// when it has one, or nil.
func firstRow(n *html.Node) *html.Node {
	c := firstElementChild(n)
	for c != nil && (c.DataAtom == atom.Caption || c.DataAtom == atom.Colgroup) {
		c = nextElement(c)
	}
	if c != nil && (c.DataAtom == atom.Thead || c.DataAtom == atom.Tbody) {
		c = firstElementChild(c)
	}
	if c == nil || c.DataAtom != atom.Tr {
		return nil
	}
	return c
}

// holdsLinkBesides reports whether n holds a link outside title.
func holdsLinkBesides(n, title *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c == title || c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == atom.A || findElement(c, atom.A) != nil {
			return true
		}
	}
	return false
}

// firstText returns the first non-blank text node under n, looking no
// deeper than max levels; nil when there is none, or when the first text
// of n sits deeper: then n opens with something other than a title, and
// a text after it titles nothing.
func firstText(n *html.Node, depth, max int) *html.Node {
	t, _ := firstTextWithin(n, depth, max)
	return t
}

// firstTextWithin is firstText; found reports whether n holds text at
// all, within max levels or deeper.
func firstTextWithin(n *html.Node, depth, max int) (t *html.Node, found bool) {
	if depth >= max {
		return nil, hasText(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if !isSpace(c.Data) {
				return c, true
			}
		case html.ElementNode:
			if t, found := firstTextWithin(c, depth+1, max); found {
				return t, true
			}
		}
	}
	return nil, false
}

// hasText reports whether n holds a non-blank text node.
func hasText(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if !isSpace(c.Data) {
				return true
			}
		case html.ElementNode:
			if hasText(c) {
				return true
			}
		}
	}
	return false
}

// shortText returns the text of n, or "" when it exceeds max bytes·2
// (a rough bound that keeps the walk short on big elements).
func shortText(n *html.Node, max int) string {
	limit := max * 4 // Arabic letters take two bytes, plus spacing
	if c := n.FirstChild; c != nil && c == n.LastChild && c.Type == html.TextNode {
		// One text child, the common title: no copy.
		if len(c.Data) > limit {
			return ""
		}
		return c.Data
	}
	var b strings.Builder
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			return b.Len() <= limit
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !walk(c) {
				return false
			}
		}
		return true
	}
	if !walk(n) {
		return ""
	}
	return b.String()
}

// isSiteFooter reports whether element n is named the site's footer
// (isFooterName), or is a <footer> named nothing else, or a <footer> of
// the page as a whole: no article, section, aside, nav or main lies
// around it (in HTML a footer belongs to the nearest of those, else to
// the body), and its class or id does not name a post's ("entry-footer").
func isSiteFooter(n *html.Node) bool {
	id, class := attrOf(n, "id"), attrOf(n, "class")
	if isFooterName(id) || isFooterName(class) {
		return true
	}
	if n.DataAtom != atom.Footer {
		return false
	}
	if strings.TrimSpace(id) == "" && strings.TrimSpace(class) == "" {
		return true
	}
	return !namesPost(id) && !namesPost(class) && !inSection(n)
}

// inSection reports whether an article, section, aside, nav or main lies
// around n, below body.
func inSection(n *html.Node) bool {
	for p := n.Parent; p != nil && p.DataAtom != atom.Body; p = p.Parent {
		switch p.DataAtom {
		case atom.Article, atom.Section, atom.Aside, atom.Nav, atom.Main:
			return true
		}
	}
	return false
}

// namesPost reports whether a class or id names a post or its parts
// ("entry-footer", "post-meta", "article__footer").
func namesPost(v string) bool {
	for _, w := range [...]string{"entry", "post", "article", "story"} {
		if containsASCIIFold(v, w) {
			return true
		}
	}
	return false
}

// isSiteHeader reports whether element n is the site's header: a box
// named so (isHeaderName), or a <header> of the page as a whole (in no
// article, section, aside, nav or main, and not named for a post's:
// "entry-header"), as isSiteFooter tells the footer.
func isSiteHeader(n *html.Node) bool {
	id, class := attrOf(n, "id"), attrOf(n, "class")
	if isHeaderName(id) || isHeaderName(class) {
		return true
	}
	return n.DataAtom == atom.Header && !namesPost(id) && !namesPost(class) && !inSection(n)
}

// isHeaderName reports whether an id or class names the site's header:
// "header", "site-header", "masthead", not a post's "entry-header".
func isHeaderName(v string) bool {
	return hasNameToken(v, []string{"header", "masthead"},
		"header", "site-header", "page-header", "global-header", "main-header", "masthead", "header-wrapper", "header-container")
}

// isFooterName reports whether an id or class names the site's footer:
// "footer", "site-footer", "page-footer", "fusszeile", not a post's
// "entry-footer" or "post-footer".
func isFooterName(v string) bool {
	return hasNameToken(v, []string{"foot", "fuss"},
		"footer", "site-footer", "page-footer", "global-footer", "main-footer", "fusszeile", "footer-wrapper", "footer-container")
}

// hasNameToken reports whether one of the space-separated names in v (a
// class or an id), lower-cased, is one of names. A v that holds none of
// the parts, in any case, is rejected without allocating: most are.
func hasNameToken(v string, parts []string, names ...string) bool {
	if !slices.ContainsFunc(parts, func(p string) bool { return containsASCIIFold(v, p) }) {
		return false
	}
	for _, w := range strings.Fields(strings.ToLower(v)) {
		if slices.Contains(names, w) {
			return true
		}
	}
	return false
}

// beyondFooter returns the boxes that come after the site's footer
// (isSiteFooter): the element children of body after the last box that
// is the footer or holds it, or whose text ends with the site's rights
// notice, as a footer's does on a page whose footer no tag or name calls
// one (endsWithRightsNotice). Where the page ends, a site puts what is no
// part of its pages' text: a dialog, a lightbox, its "about" blurb. Only
// body's children are marked: what follows a box named footer deeper in
// the page (in a post, in the site's wrapper) is not always past the
// page's end, and marking it cost real pages. The search runs from the
// end of the page, where footers are.
func beyondFooter(body *html.Node) map[*html.Node]bool {
	var out map[*html.Node]bool
	for c := body.LastChild; c != nil; c = c.PrevSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if isBoxTag(c.DataAtom) && (isSiteFooter(c) || holdsSiteFooter(c) || endsWithRightsNotice(c)) {
			return out
		}
		if out == nil {
			out = make(map[*html.Node]bool)
		}
		out[c] = true
	}
	return nil // no footer: nothing is past it
}

// holdsSiteFooter reports whether a box under n is the site's footer
// (isSiteFooter). It looks from the last element back: footers end pages.
func holdsSiteFooter(n *html.Node) bool {
	for c := n.LastChild; c != nil; c = c.PrevSibling {
		if c.Type == html.ElementNode && (isBoxTag(c.DataAtom) && isSiteFooter(c) || holdsSiteFooter(c)) {
			return true
		}
	}
	return false
}

// maxRightsTail is how much of the end of a box's text, in bytes,
// endsWithRightsNotice reads.
const maxRightsTail = 300

// endsWithRightsNotice reports whether the last words of n are the site's
// rights notice: a "©", or a word of textkit.RightsNotices ("© 2026 The
// Courier. All rights reserved.", "جميع الحقوق محفوظة").
func endsWithRightsNotice(n *html.Node) bool {
	tail := textTail(n, maxRightsTail)
	return strings.ContainsRune(tail, '©') || textkit.HasRightsNotice(normalizePhrase(tail))
}

// textTail returns the last limit bytes or so of the text of n, in
// document order (whitespace aside, text nodes joined by a space, cut at
// the start of a character).
func textTail(n *html.Node, limit int) string {
	var parts []string
	size := 0
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			switch c.Type {
			case html.TextNode:
				if t := strings.TrimSpace(c.Data); t != "" {
					parts = append(parts, t)
					if size += len(t); size >= limit {
						return true
					}
				}
			case html.ElementNode:
				if walk(c) {
					return true
				}
			}
		}
		return false
	}
	walk(n)
	slices.Reverse(parts)
	s := strings.Join(parts, " ")
	for i := len(s) - limit; i > 0 && i < len(s); i++ {
		if utf8.RuneStart(s[i]) {
			return s[i:]
		}
	}
	return s
}
