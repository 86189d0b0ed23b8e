package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// preparer makes one pass over the body before scoring: it drops comments,
// scripts and hidden elements; it marks the elements whose tag, role, class
// or id, or whose title ("Related", "التعليقات"), say they are chrome; it
// turns lazy images into real ones; and it wraps runs of loose text
// separated by <br> into paragraphs, so that old table and <font> layouts
// score like semantic ones. Chrome is marked, not removed, so that a later
// pass can score the page again without it being parsed again.
type preparer struct {
	hints  *hints
	chrome map[*html.Node]bool // chrome by tag, role, class or id
	titled map[*html.Node]bool // chrome by the title of its box
	// beyond are the boxes after the site's footer (beyondFooter),
	// chrome too; their text is not the page's prose.
	beyond map[*html.Node]bool
	// elements counts the elements kept, plus a few: what a scorer
	// sizes its tables by.
	elements int
	// hidden are the elements dropped as hidden, with where they were,
	// for showHidden; showing says they are shown and kept.
	hidden  []hiddenAt
	showing bool
}

// hiddenAt is a hidden element and the place it was taken from.
type hiddenAt struct {
	n, parent, next *html.Node
}

func newPreparer(h *hints) *preparer {
	// A few for body and the elements above it.
	return &preparer{hints: h, chrome: make(map[*html.Node]bool), titled: make(map[*html.Node]bool), elements: 4}
}

// allChrome returns every element marked as chrome, whatever the reason.
func (p *preparer) allChrome() map[*html.Node]bool {
	all := make(map[*html.Node]bool, len(p.chrome)+len(p.titled))
	for n := range p.chrome {
		all[n] = true
	}
	for n := range p.titled {
		all[n] = true
	}
	return all
}

// walk prepares the children of n. inTable and inPara say whether n sits
// inside a table cell structure or inside a paragraph-like element.
func (p *preparer) walk(n *html.Node, inTable, inPara bool) {
	afterControl := false // the last element was a control that may unfold the next
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch c.Type {
		case html.CommentNode, html.DoctypeNode:
			n.RemoveChild(c)
		case html.ElementNode:
			if p.titlesChrome(c) {
				// A "Related" or "Comments" heading marks its box.
				p.titled[c] = true
				if box := announcedBox(c); box != nil {
					p.titled[box] = true
				}
			}
			p.element(c, inTable, inPara, afterControl)
			afterControl = isUnfoldControl(c)
		case html.TextNode:
			afterControl = afterControl && isSpace(c.Data)
		}
		c = next
	}
	if !inPara {
		wrapRuns(n)
	}
}

func (p *preparer) element(c *html.Node, inTable, inPara, afterControl bool) {
	if c.DataAtom == atom.Template && (hasAttrKey(c, "shadowrootmode") || hasAttrKey(c, "shadowroot")) {
		// A declarative shadow root: a browser shows what it holds.
		c.DataAtom, c.Data = atom.Div, "div"
	}
	if neverContent(c.DataAtom) {
		removeNode(c)
		return
	}
	h := p.hints.inContext(c)
	if !p.showing && (h.hidden || hiddenElement(c)) && !continuesStory(c, afterControl) {
		p.hidden = append(p.hidden, hiddenAt{n: c, parent: c.Parent, next: c.NextSibling})
		removeNode(c)
		return
	}
	p.elements++
	if p.isChrome(c, h, inTable) || c.DataAtom == atom.Span && isHoverCard(c) {
		p.chrome[c] = true
	} else if isBoxTag(c.DataAtom) && titledBox(c) {
		p.titled[c] = true
	}
	switch c.DataAtom {
	case atom.Noscript:
		p.noscript(c, inTable, inPara)
		return
	case atom.Img:
		fixLazyImage(c)
		if isChromeImage(c) {
			removeNode(c)
			return
		}
	case atom.Table:
		inTable = true
	case atom.Td, atom.Th:
		inPara = false
	}
	if isParagraphLike(c.DataAtom) && c.DataAtom != atom.Table {
		inPara = true
	}
	p.walk(c, inTable, inPara)
}

// neverContent reports whether an element with tag a is never content.
// (Hidden elements are set aside by element, for showHidden.)
func neverContent(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Template, atom.Link, atom.Meta,
		atom.Iframe, atom.Object, atom.Embed, atom.Svg, atom.Canvas,
		atom.Button, atom.Input, atom.Select, atom.Textarea, atom.Option,
		atom.Dialog, atom.Map, atom.Area, atom.Audio, atom.Video, atom.Frame,
		atom.Frameset:
		return true
	}
	return false
}

// isChrome reports whether element n looks like page chrome by its tag,
// role, class or id (hint h).
func (p *preparer) isChrome(n *html.Node, h hint, inTable bool) bool {
	switch n.DataAtom {
	case atom.Nav, atom.Aside, atom.Footer, atom.Menu:
		return true
	case atom.A:
		return false
	}
	if isArticleBody(n) {
		return false
	}
	if chromeRole(getAttr(n, "role")) || isBoxTag(n.DataAtom) && isAuthorBox(n) {
		return true
	}
	return h.strong || h.unlikely && !inTable
}

// isAuthorBox reports whether box n is, by its schema.org microdata
// (itemprop="author"), the page's author: the box with a photo, a name
// and a bio that sites put under the story, whatever its class names.
// (A byline's name, an inline element, is not a box.)
func isAuthorBox(n *html.Node) bool {
	for _, f := range strings.Fields(getAttr(n, "itemprop")) {
		if strings.EqualFold(f, "author") {
			return true
		}
	}
	return false
}

// hiddenElement reports whether n is hidden by attribute or inline style.
// A collapsed panel (an accordion's answer, a tab's page) is not: it is
// content the reader opens.
func hiddenElement(n *html.Node) bool {
	if collapsedPanel(n) {
		return false
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" && n.DataAtom != atom.Img {
				return true
			}
		case "style":
			if styleHides(a.Val) {
				return true
			}
		}
	}
	return false
}

// styleHides reports whether an inline style hides its element.
func styleHides(style string) bool {
	if !strings.Contains(style, "none") && !strings.Contains(style, "hidden") {
		return false
	}
	s := strings.ToLower(strings.ReplaceAll(style, " ", ""))
	return strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden")
}

// chromeRole reports whether an ARIA role marks navigation or asides.
func chromeRole(role string) bool {
	switch role {
	case "navigation", "menu", "menubar", "complementary", "alert",
		"alertdialog", "dialog", "banner", "contentinfo", "search":
		return true
	}
	return false
}

// noscript keeps a <noscript> image fallback when the page shows no real
// image in its place, and drops the element otherwise. The document is
// parsed with scripting off, so its content is markup.
func (p *preparer) noscript(n *html.Node, inTable, inPara bool) {
	img := findElement(n, atom.Img)
	if img == nil {
		removeNode(n)
		return
	}
	prev := n.PrevSibling
	for prev != nil && prev.Type != html.ElementNode {
		prev = prev.PrevSibling
	}
	if prev != nil {
		if pi := findElement(prev, atom.Img); pi != nil {
			if realImageSrc(getAttr(pi, "src")) {
				removeNode(n)
				return
			}
			removeNode(pi)
		}
	}
	p.walk(n, inTable, inPara)
	unwrap(n)
}

// titlesChrome reports whether n is a heading naming a box of chrome.
func (p *preparer) titlesChrome(n *html.Node) bool {
	if !isHeading(n.DataAtom) {
		return false
	}
	text := shortText(n, maxTitleChars)
	return text != "" && isBoxTitle(text)
}

// announcedBox returns the box a heading titles: the box right after it,
// or, for a heading that its wrappers hold alone (a page builder's heading
// widget), the box right after the outermost of them; nil when that is no
// box.
func announcedBox(h *html.Node) *html.Node {
	n := h
	for nextElement(n) == nil && n.Parent != nil && n.Parent.Type == html.ElementNode && isWrapperOf(n.Parent, n) {
		n = n.Parent
	}
	if box := nextElement(n); box != nil && isBoxTag(box.DataAtom) {
		return box
	}
	return nil
}

// isHoverCard reports whether span n holds a picture and several links
// while no inner span does: a card that pops up over a name in running
// text. The name itself, outside the card, stays.
func isHoverCard(n *html.Node) bool {
	if !cardLike(n) {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Span && cardLike(c) {
			return false
		}
	}
	return true
}

// maxCardChars bounds the text of a hover card; a span holding more is a
// wrapper of running text, whatever pictures and links it holds.
const maxCardChars = 400

func cardLike(n *html.Node) bool {
	imgs, links, chars := 0, 0, 0
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				chars += len(c.Data)
				if chars > maxCardChars*2 {
					return false
				}
			case c.Type != html.ElementNode:
			case c.DataAtom == atom.Img:
				imgs++
			case c.DataAtom == atom.A:
				links++
			}
			if c.Type == html.ElementNode && !walk(c) {
				return false
			}
		}
		return true
	}
	return walk(n) && imgs > 0 && links >= 2
}

// setAsideBeyondFooter marks as chrome the boxes after the site's footer
// (beyondFooter) and remembers them, so that the page's prose leaves them
// out too.
func (p *preparer) setAsideBeyondFooter(body *html.Node) {
	p.beyond = beyondFooter(body)
	for n := range p.beyond {
		p.chrome[n] = true
	}
}

// showHidden puts the hidden elements the walk dropped back where they
// were and prepares them, and reports whether there were any. The chrome
// marks are kept; what the shown elements hold is marked too.
func (p *preparer) showHidden() bool {
	if p.showing || len(p.hidden) == 0 {
		return false
	}
	p.showing = true
	for _, at := range p.hidden {
		if at.next != nil && at.next.Parent == at.parent {
			at.parent.InsertBefore(at.n, at.next)
		} else {
			at.parent.AppendChild(at.n)
		}
		p.element(at.n, false, false, false)
	}
	p.hidden = nil
	return true
}

// maxFoldGap is how many elements may stand between a folded story's
// last shown paragraph and its hidden rest when no unfolding control
// comes right before the rest.
const maxFoldGap = 4

// minFoldedParagraphChars is the text a paragraph needs to count as prose
// on either side of a folded story's "Read more".
const minFoldedParagraphChars = 80

// continuesStory reports whether hidden element n is the rest of a story
// that a "Read more" button unfolds: a paragraph of prose sits just before
// it among its siblings (past at most three others: the button, a heading,
// a list), or anywhere before it when a control that may unfold it comes
// right before it (afterControl: the button, which the preparer has
// dropped by then), and it holds two paragraphs or list items of prose
// itself.
func continuesStory(n *html.Node, afterControl bool) bool {
	if n.DataAtom != atom.Div && n.DataAtom != atom.Section && n.DataAtom != atom.Span {
		return false
	}
	if role := getAttr(n, "role"); role != "" || getAttr(n, "aria-modal") != "" {
		return false
	}
	before := false
	k := 0
	for c := n.PrevSibling; c != nil && (k < maxFoldGap || afterControl) && !before; c = c.PrevSibling {
		if c.Type != html.ElementNode {
			continue
		}
		k++
		before = c.DataAtom == atom.P && proseParagraph(c)
	}
	if !before {
		return false
	}
	found := 0
	return walkElementsUntil(n, func(c *html.Node) bool {
		if (c.DataAtom == atom.P || c.DataAtom == atom.Li) && proseParagraph(c) {
			found++
		}
		return found >= 2
	})
}

// proseParagraph reports whether paragraph (or list item) p holds a sentence of text
// rather than a link: minFoldedParagraphChars or more, under half of it
// in links.
func proseParagraph(p *html.Node) bool {
	chars, links := 0, 0
	var walk func(*html.Node, bool)
	walk = func(m *html.Node, inLink bool) {
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				t := len(strings.TrimSpace(c.Data))
				chars += t
				if inLink {
					links += t
				}
			case html.ElementNode:
				walk(c, inLink || c.DataAtom == atom.A)
			}
		}
	}
	walk(p, false)
	return chars >= minFoldedParagraphChars && links*2 < chars
}

// collapsedPanel reports whether n is a panel of an accordion or of tabs:
// role tabpanel, or an element labelled by its trigger (aria-labelledby)
// that is not a dialog, menu or tooltip.
func collapsedPanel(n *html.Node) bool {
	role := getAttr(n, "role")
	switch role {
	case "tabpanel":
		return true
	case "dialog", "alertdialog", "menu", "menubar", "listbox", "tooltip", "navigation":
		return false
	}
	return hasAttrKey(n, "aria-labelledby")
}

// isUnfoldControl reports whether element n is a control that may show
// what follows it: a button, an element in the role of one, or a link
// that leads nowhere but the page itself ("#", "javascript:").
func isUnfoldControl(n *html.Node) bool {
	switch {
	case n.DataAtom == atom.Button || getAttr(n, "role") == "button":
		return true
	case n.DataAtom == atom.A:
		return !linksElsewhere(n, nil)
	}
	return false
}
