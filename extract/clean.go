package extract

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// tally is what the cleaner counts inside an element, after its own
// children were cleaned.
type tally struct {
	chars, linkChars, commas int
	headingChars             int
	paras, imgs, lis         int
	embeds, tables           int
	forms                    int  // forms in the element, dropped as they are
	calls                    int  // headings dropped as chrome ("Subscribe to …")
	chromeTitle              bool // a child heading titles a chrome box
	// titledItsBox says that the chrome title opening the element was
	// followed by more of it: the title named the element's own
	// content ("Advertisement" over the ad), not what comes after it.
	titledItsBox bool
}

func (t *tally) add(o tally) {
	t.chars += o.chars
	t.linkChars += o.linkChars
	t.commas += o.commas
	t.headingChars += o.headingChars
	t.paras += o.paras
	t.imgs += o.imgs
	t.lis += o.lis
	t.embeds += o.embeds
	t.tables += o.tables
	t.forms += o.forms
	t.calls += o.calls
}

func (t *tally) linkDensity() float64 {
	if t.chars == 0 {
		return 0
	}
	return float64(t.linkChars) / float64(t.chars)
}

// maxPromoChars bounds a paragraph made of one link to another story.
const maxPromoChars = 150

// cleaner removes chrome inside the chosen content, bottom-up, in one pass.
type cleaner struct {
	hints       *hints
	conditional bool   // drop blocks that look like lists of links, ads, forms
	title       string // normalised headline, dropped when repeated
	author      string // normalised byline name: its bio is trimmed at the edges (isBioOf)
	urls        *resolver
	// comments are the page's readers' comments known by their headers
	// or reply links (findComments), left out of every copy that is
	// cleaned.
	comments *commentSet
	// verdicts remembers textVerdict by a block's trimmed text: every
	// pass cleans a fresh copy of much the same content, and pages repeat
	// their short lines ("Share", "Read more").
	verdicts map[string]textVerdict
}

// textVerdict is what a short block's words alone say about it.
type textVerdict struct {
	chromeTitle  bool // the whole text is chrome (isChromeTitleNorm)
	chromePrefix bool // it opens like chrome (hasChromePrefixNorm)
	headline     bool // it repeats the headline (isHeadline)
}

// verdict returns the textVerdict of raw, a block's trimmed text; only
// the first test that holds is reported, as keepText asks them in turn.
func (c *cleaner) verdict(raw string) textVerdict {
	if v, ok := c.verdicts[raw]; ok {
		return v
	}
	var v textVerdict
	text := normalizePhrase(raw)
	switch {
	case isChromeTitleNorm(text):
		v.chromeTitle = true
	case hasChromePrefixNorm(text):
		v.chromePrefix = true
	default:
		v.headline = c.isHeadline(text)
	}
	if c.verdicts == nil {
		c.verdicts = make(map[string]textVerdict)
	}
	c.verdicts[raw] = v
	return v
}

// clean cleans the children of n and returns n's tally. A chrome title
// ("Related", "Don't miss") that opens n marks all of n as a chrome box;
// one that comes after text drops only itself and the lists and links that
// follow it. A box that a title opens and more follows inside
// ("Advertisement" over the ad) is all the title names: the mark stops at
// that box.
func (c *cleaner) clean(n *html.Node, inFigure bool) tally {
	var t tally
	dropLinks := false
	afterForm := false
	var opening openingTitle
	for ch := n.FirstChild; ch != nil; {
		next := ch.NextSibling
		if afterForm && !(ch.Type == html.TextNode && isSpace(ch.Data)) {
			afterForm = false
			if isFormNote(ch) {
				n.RemoveChild(ch)
				ch = next
				continue
			}
		}
		if ch.Type == html.ElementNode && ch.DataAtom == atom.Form {
			afterForm = true
		}
		switch ch.Type {
		case html.TextNode:
			chars, commas := measureText(ch.Data)
			t.chars += chars
			t.commas += commas
		case html.ElementNode:
			ct, keep := c.element(ch, inFigure)
			if keep && dropLinks && (isList(ch.DataAtom) || ct.chars > 0 && ct.linkChars*5 >= ct.chars*2) {
				keep = false // the list a chrome title announced
			} else if keep && ct.chars > 0 {
				dropLinks = false
			}
			if keep {
				t.add(ct)
			} else {
				n.RemoveChild(ch)
				t.forms += ct.forms
				t.calls += ct.calls
			}
			opening.follow(ch, &ct, keep)
			// A chrome marker found inside a box stops at the box, as
			// does one that titled the dropped box's own content.
			if ct.chromeTitle && !(keep && isBox(ch.DataAtom)) && !ct.titledItsBox {
				if t.chars == 0 {
					t.chromeTitle = true
					opening.open()
				} else {
					dropLinks = true
				}
			}
		default:
			n.RemoveChild(ch)
		}
		ch = next
	}
	if opening.titlesOnlyItsBox() {
		t.chromeTitle = false
	}
	t.titledItsBox = t.chromeTitle && opening.state != titled
	return t
}

// minStoryAfterBox is how many paragraphs of prose after a titled box
// make them the story around the box (see openingTitle).
const minStoryAfterBox = 2

// openingTitle follows what comes after a chrome title that opens an
// element. The title marks the element as a chrome box, unless it
// announces only the box right after it: "Sharing is caring!" over a
// share bar's links, and then the story's paragraphs. The mark then
// stops at that box, which the cleaning dropped, and the story stays.
// A box the title announces that keeps prose after cleaning (a list of
// comments) leaves the mark on the whole element.
type openingTitle struct {
	state openingState
	prose int // paragraphs of prose after the announced box
}

type openingState int

const (
	noTitle      openingState = iota
	titled                    // a chrome title opened the element
	boxAnnounced              // the next block was a box, left without prose
	titleHolds                // the next block was anything else
)

// open records that a chrome title opened the element; the marks of
// what follows it before any text (the box it announces) open nothing.
func (o *openingTitle) open() {
	if o.state == noTitle {
		o.state = titled
	}
}

// follow records child ch of the element, with its tally and whether
// the cleaning kept it.
func (o *openingTitle) follow(ch *html.Node, t *tally, kept bool) {
	switch o.state {
	case titled:
		switch {
		case isBox(ch.DataAtom) && (!kept || t.chars < minProseChars):
			o.state = boxAnnounced
		case t.chars > 0 || t.imgs > 0:
			o.state = titleHolds
		}
	case boxAnnounced:
		if kept && ch.DataAtom == atom.P && t.chars >= minProseChars && t.linkDensity() < maxParagraphLinks {
			o.prose++
		}
	}
}

// titlesOnlyItsBox reports whether the title announced only the box
// after it, with the story's paragraphs after that box.
func (o *openingTitle) titlesOnlyItsBox() bool {
	return o.state == boxAnnounced && o.prose >= minStoryAfterBox
}

// maxFormBoxChars bounds the text of a box that holds a form, the box
// of a newsletter's signup, a search or a comment form: "Get our free
// newsletter", a line of pitch, the form, the consent line. Such a box
// goes whole; a box with more text holds more than its form.
const maxFormBoxChars = 300

// maxFormNoteChars bounds the note a form leaves after itself ("name,
// text and robot check are required", "required fields are marked").
const maxFormNoteChars = 120

// isFormNote reports whether n, the first thing after a form, is the
// form's short note: a line of text without links or pictures.
func isFormNote(n *html.Node) bool {
	if n.Type != html.TextNode && n.Type != html.ElementNode {
		return false
	}
	if n.Type == html.ElementNode && (n.DataAtom == atom.Img || findElement(n, atom.Img) != nil ||
		findElement(n, atom.A) != nil || isHeading(n.DataAtom) || n.DataAtom == atom.Br) {
		return false
	}
	chars, _ := measureText(nodeText(n))
	return chars > 0 && chars <= maxFormNoteChars
}

func isList(a atom.Atom) bool { return a == atom.Ul || a == atom.Ol }

// isBox reports whether a chrome title found inside tag a stops there.
func isBox(a atom.Atom) bool {
	switch a {
	case atom.Div, atom.Section, atom.Aside, atom.Ul, atom.Ol, atom.Table, atom.Header, atom.Footer:
		return true
	}
	return false
}

// element cleans element n and reports its tally and whether to keep it.
func (c *cleaner) element(n *html.Node, inFigure bool) (tally, bool) {
	switch n.DataAtom {
	case atom.Form:
		return tally{forms: 1}, false
	case atom.Fieldset, atom.Input, atom.Button, atom.Select, atom.Textarea, atom.Label:
		return tally{}, false
	case atom.Figure, atom.Picture:
		inFigure = true
	}
	if n.DataAtom == atom.A && c.comments.isContent() && n.FirstChild != nil && isReplyLink(n) {
		return tally{}, false // a comment's "Reply", on a page whose thread is its content
	}
	t := c.clean(n, inFigure)
	switch n.DataAtom {
	case atom.A:
		t.linkChars = t.chars
	case atom.P:
		t.paras++
	case atom.Img:
		t.imgs++
	case atom.Li:
		t.lis++
	case atom.Table:
		t.tables++
	case atom.Embed, atom.Object, atom.Iframe, atom.Video, atom.Audio:
		t.embeds++
	}
	if isHeading(n.DataAtom) {
		t.headingChars = t.chars
	}
	return t, c.keep(n, &t, inFigure)
}

// keep decides whether a cleaned element stays.
func (c *cleaner) keep(n *html.Node, t *tally, inFigure bool) bool {
	if t.chars == 0 && t.imgs == 0 && n.DataAtom != atom.Img && n.DataAtom != atom.Br &&
		n.DataAtom != atom.Hr && n.DataAtom != atom.Td && n.DataAtom != atom.Th {
		return false
	}
	if textBlock(n) && !c.keepText(n, t) {
		return false
	}
	if t.chromeTitle && isBox(n.DataAtom) && t.chars < 2000 {
		return false
	}
	if (t.forms > 0 || t.calls > 0) && isBox(n.DataAtom) && t.chars <= maxFormBoxChars {
		return false // a form's or a call's box: its title and pitch go with it
	}
	if isList(n.DataAtom) && t.linkChars*10 >= t.chars*9 && jumpsWithinPage(n) {
		return false // a table of contents: links to the page's own sections
	}
	if n.DataAtom == atom.P && t.chars > 0 && t.chars < maxPromoChars && t.linkChars*10 >= t.chars*9 {
		return false // a paragraph that is one link: a promo for another story
	}
	if !c.conditional || !conditionalTag(n.DataAtom) || actsAsParagraph(n, t) || wrapsParagraph(n) && c.hints.of(n).weight >= 0 {
		return true
	}
	return !c.looksLikeChrome(n, t, inFigure)
}

// jumpsWithinPage reports whether every link in n, and there are two or
// more, leads to a place on the same page ("#why").
func jumpsWithinPage(n *html.Node) bool {
	links := 0
	away := walkElementsUntil(n, func(c *html.Node) bool {
		if c.DataAtom != atom.A {
			return false
		}
		links++
		return !strings.HasPrefix(strings.TrimSpace(getAttr(c, "href")), "#")
	})
	return !away && links >= 2
}

// wrapsParagraph reports whether n is one of a chain of at least two
// wrappers around one paragraph, as page builders and component
// frameworks wrap each paragraph: the paragraph is judged as a paragraph,
// not as a block of links.
func wrapsParagraph(n *html.Node) bool {
	layers := 0
	for p := n.Parent; p != nil && p.Type == html.ElementNode && isWrapper(p); p = p.Parent {
		layers++
	}
	for isWrapper(n) {
		n = firstElementChild(n)
		layers++
	}
	return n.DataAtom == atom.P && layers >= 2
}

// maxParagraphLinks is the link density under which a div of text
// acts as a paragraph (see actsAsParagraph).
const maxParagraphLinks = 0.5

// actsAsParagraph reports whether div n is a paragraph in all but name,
// as sites written without <p> have them: a block of text and inline
// elements, long enough to be prose, with links on less than half of it.
// It is judged as a paragraph is, not by the tests for boxes of links.
func actsAsParagraph(n *html.Node, t *tally) bool {
	return n.DataAtom == atom.Div && t.chars >= minProseChars && t.linkDensity() < maxParagraphLinks && !hasBlockChild(n)
}

// keepText drops short blocks whose words are chrome, and the repeated
// headline; a heading that titles a chrome box marks its box.
func (c *cleaner) keepText(n *html.Node, t *tally) bool {
	if t.linkChars > 0 && t.chars <= maxDisclaimerChars && hasLegalLink(n) {
		t.chromeTitle = true
		return false
	}
	var all string // nodeText(n), once taken
	if t.chars <= maxScriptChars && !hasBlockChild(n) && findElement(n, atom.Code) == nil &&
		hasScriptSemicolons(n) {
		if all = nodeText(n); looksLikeScript(all) {
			return false // inline JavaScript printed as text
		}
	}
	if t.chars > maxChromeChars {
		return true
	}
	if all == "" {
		all = nodeText(n)
	}
	raw := strings.TrimSpace(all)
	if strings.HasPrefix(raw, "©") {
		return false // a picture credit: "© REUTERS / …"
	}
	v := c.verdict(raw)
	if v.chromeTitle {
		if isHeading(n.DataAtom) || n.DataAtom == atom.Strong || n.DataAtom == atom.B || t.chars < 30 {
			t.chromeTitle = true
		}
		return false
	}
	if v.chromePrefix {
		if isHeading(n.DataAtom) {
			t.calls++
		}
		return false
	}
	return n.DataAtom != atom.H1 && !v.headline
}

// isHeadline reports whether normalised text repeats the headline, also
// when the page title around it carries the site's name.
func (c *cleaner) isHeadline(text string) bool {
	if c.title == "" || text == "" {
		return false
	}
	return text == c.title || 2*len(text) >= len(c.title) && strings.Contains(c.title, text)
}

func conditionalTag(a atom.Atom) bool {
	switch a {
	case atom.Table, atom.Ul, atom.Ol, atom.Dl, atom.Div, atom.Section,
		atom.Header, atom.Footer, atom.Aside, atom.Center:
		return true
	}
	return false
}

// minProseCommas is how many commas make a block prose, whatever its
// class names and links say.
const minProseCommas = 10

// A builder's text box holds a section of prose when it has a paragraph,
// minSectionChars of text and less than maxSectionLinks of it in links.
const (
	minSectionChars = 200
	maxSectionLinks = 0.25
)

// isProseSection reports whether box n, whose tally is t, holds a section
// of a story's prose (see minSectionChars) and not one quotation.
func isProseSection(n *html.Node, t *tally) bool {
	return t.paras > 0 && t.chars >= minSectionChars && t.linkDensity() < maxSectionLinks &&
		!isQuotation(nodeText(n))
}

// isQuotation reports whether text is one quotation as a whole: it opens
// with a quotation mark and closes with one.
func isQuotation(text string) bool {
	text = strings.TrimSpace(text)
	first, _ := utf8.DecodeRuneInString(text)
	last, _ := utf8.DecodeLastRuneInString(text)
	return utf8.RuneCountInString(text) > 2 && strings.ContainsRune(`"“„«‘'`, first) && strings.ContainsRune(`"”»’'`, last)
}

// looksLikeChrome applies Readability-style tests to a block: negative
// class hints, link lists, image galleries without text, forms, embeds.
func (c *cleaner) looksLikeChrome(n *html.Node, t *tally, inFigure bool) bool {
	h := c.hints.inContext(n)
	if h.embed {
		return false // an embedded post quotes a source
	}
	weight := h.weight
	if weight < 0 {
		if h.unlikely || t.linkDensity() >= 0.3 {
			return true
		}
		// A weak word names a wrapper of prose ("media-body") or of a
		// table of data ("scrollable-table") as readily as chrome: the
		// text decides. A box that a word of content rescued is a page
		// builder's text box ("widget-text-editor", or the only child of
		// one) and holds one section of a story that the builder cut into
		// many, each short and with few commas: a paragraph of prose with
		// few links decides for it, unless its text is one quotation as a
		// whole (a testimonial, a pull quote). One that holds one picture
		// and no text is the story's picture (a page builder's
		// "widget-theme-post-featured-image").
		if h.rescued && (t.chars == 0 && t.imgs == 1 || isProseSection(n, t)) {
			return false
		}
		return t.tables == 0 && t.commas < minProseCommas
	}
	if t.commas >= minProseCommas {
		return false
	}
	isList := n.DataAtom == atom.Ul || n.DataAtom == atom.Ol
	if n.DataAtom == atom.Table && t.linkDensity() < 0.5 && t.chars > 0 {
		return false // data tables stay
	}
	ld := t.linkDensity()
	headingDensity := 0.0
	if t.chars > 0 {
		headingDensity = float64(t.headingChars) / float64(t.chars)
	}
	switch {
	case t.imgs > 1 && float64(t.paras)/float64(t.imgs) < 0.5 && !inFigure && t.chars < 200:
		return true
	case !isList && t.lis-100 > t.paras:
		return true
	case !isList && headingDensity < 0.9 && t.chars < 25 && (t.imgs == 0 || t.imgs > 2) && ld > 0:
		return true
	case !isList && weight < 25 && ld > 0.2:
		return true
	case weight >= 25 && ld > 0.5:
		return true
	case t.embeds == 1 && t.chars < 75 || t.embeds > 1:
		return true
	case isList && ld > 0.5:
		return true
	}
	return false
}

// textBlock reports whether n is a block of text whose words alone may mark
// it as chrome: a paragraph, heading, list item or cell, or an inline
// element standing alone in its block. A bold "Facebook" inside a sentence
// is prose.
func textBlock(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Li, atom.Div, atom.Td, atom.Dd, atom.Dt, atom.Section:
		return true
	case atom.Strong, atom.B, atom.Font, atom.Span, atom.A, atom.Em, atom.I:
		return standsAlone(n)
	}
	return isHeading(n.DataAtom)
}

// standsAlone reports whether n's siblings are only whitespace and <br>.
func standsAlone(n *html.Node) bool {
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c == n {
			continue
		}
		switch {
		case c.Type == html.TextNode && isSpace(c.Data):
		case c.Type == html.ElementNode && c.DataAtom == atom.Br:
		default:
			return false
		}
	}
	return true
}

// maxScriptChars bounds the blocks checked for script text.
const maxScriptChars = 5000

// scriptMarks are words and operators of JavaScript that prose does not
// use.
var scriptMarks = [...]string{
	"function(", "function ", "=>", "window.", "document.", "var ", "let ",
	"const ", ".push(", "return ", "typeof ", "undefined", "null", "!==",
	"===", "||", "&&",
}

// minScriptSemicolons is the fewest semicolons text that looks like
// script holds, and minScriptMarks the fewest of scriptMarks. A single
// statement, one semicolon that ends the text, needs one mark more: an
// ad network's "(adsbygoogle = window.adsbygoogle || []).push({});".
const (
	minScriptSemicolons = 2
	minScriptMarks      = 2
)

// looksLikeScript reports whether text reads like JavaScript rather than
// prose: statements ended by semicolons, calls and braces, and words of
// the language. Code a page shows on purpose sits in <pre> or <code>.
func looksLikeScript(text string) bool {
	needMarks := minScriptMarks
	switch semis := strings.Count(text, ";"); {
	case semis >= minScriptSemicolons:
	case semis == 1 && strings.HasSuffix(strings.TrimSpace(text), ";"):
		needMarks++
	default:
		return false
	}
	calls := strings.Count(text, "(") + strings.Count(text, "{")
	if calls < 2 {
		return false
	}
	if !strings.ContainsAny(text, "{=") {
		return false // no block and no assignment: a sentence about code
	}
	marks := 0
	for _, m := range scriptMarks {
		if strings.Contains(text, m) {
			marks++
		}
	}
	if marks < needMarks {
		return false
	}
	punct := 0
	for _, r := range text {
		switch r {
		case ';', '{', '}', '(', ')', '=', '[', ']', '|', '&':
			punct++
		}
	}
	return punct*20 >= len(text)
}

// hasScriptSemicolons reports whether the text under n holds the
// semicolons of script (see looksLikeScript), without joining it: at
// least minScriptSemicolons, or one that ends the text, as a single
// statement does. Most paragraphs hold none.
func hasScriptSemicolons(n *html.Node) bool {
	semis := 0
	endsWithSemicolon := false
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.TextNode {
			semis += strings.Count(n.Data, ";")
			if t := strings.TrimSpace(n.Data); t != "" {
				endsWithSemicolon = t[len(t)-1] == ';'
			}
			return semis >= minScriptSemicolons
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	return walk(n) || semis == 1 && endsWithSemicolon
}

// hasBlockChild reports whether n has an element child that is a block.
func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && !isInlineNode(c) {
			return true
		}
	}
	return false
}
