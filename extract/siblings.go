package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// content returns the top candidate together with the siblings that belong
// to the same article: well-scored blocks, blocks sharing its class, and
// plain paragraphs with little link text. None is taken from after the
// site's footer (isSiteFooter), where the page ends, whether the footer
// is a sibling or inside the top candidate (a wrapper of the whole
// site): what a site puts there (its "about" blurb, a dialog) is no more
// of the story. Nor from before the site's header (isSiteHeader), where
// the page starts: a banner or a notice above it.
func (s *scorer) content(top *html.Node) []*html.Node {
	parent := top.Parent
	if parent == nil || top.DataAtom == atom.Body || top.DataAtom == atom.Html {
		return []*html.Node{top}
	}
	topScore := s.final(top)
	threshold := max(10, topScore*0.2)
	class := getAttr(top, "class")
	story := top.DataAtom == atom.Article && findElement(top, atom.H1) != nil
	var out []*html.Node
	after := false
	for c := parent.FirstChild; c != nil; c = c.NextSibling {
		if c == top {
			out, after = append(out, c), true
			if holdsSiteFooter(top) {
				break // the page ends in the pick
			}
			continue
		}
		if c.Type != html.ElementNode {
			continue
		}
		if after && isBoxTag(c.DataAtom) && isSiteFooter(c) {
			break // the page ends there: what follows is no more of the story
		}
		if !after && isBoxTag(c.DataAtom) && isSiteHeader(c) {
			out = out[:0] // the page starts there: what came before is no part of the story
			continue
		}
		// Readers' comments are not more of the story, however well
		// they score.
		// Nor is another <article> with its own headline beside a story
		// that has one: the next story, which a page appends below.
		if s.siblingBelongs(c, class, topScore, threshold) && !isThread(c, s.comments) &&
			!(story && c.DataAtom == atom.Article && findElement(c, atom.H1) != nil) {
			out = append(out, c)
		}
	}
	return out
}

// maxSiblingLinkDensity is the share of link text at which a sibling is a
// list of links, whatever it scores: a site's cards for its other posts,
// each a link holding a label and a title ("Previous", "Free 10 week
// plan"), score like the short paragraphs of a brief beside them.
const maxSiblingLinkDensity = 0.9

// siblingBelongs reports whether c, a sibling of the top candidate, is
// more of the article (see content).
func (s *scorer) siblingBelongs(c *html.Node, class string, topScore, threshold float64) bool {
	st := s.stats[c]
	if st == nil || st.linkDensity() >= maxSiblingLinkDensity {
		return false
	}
	bonus := 0.0
	if class != "" && getAttr(c, "class") == class {
		bonus = topScore * 0.2
	}
	if st.candidate && st.score+bonus >= threshold {
		return true
	}
	if isFigure(c, st) {
		return true
	}
	if bonus > 0 && st.chars > minProseChars && st.linkDensity() < 0.25 {
		return true // another chunk of an article split into same-class blocks
	}
	if c.DataAtom != atom.P && !isScorable(c.DataAtom, st.hasBlock) {
		return false // only paragraphs, and blocks of text acting as one
	}
	ld := st.linkDensity()
	if st.chars > 80 {
		return ld < 0.25
	}
	return st.chars > 0 && ld == 0 && endsSentence(nodeText(c))
}

// endsSentence reports whether text ends like a sentence: with a full
// stop, question or exclamation mark of any script (Latin, Arabic, Urdu,
// Chinese and Japanese, Devanagari, Ethiopic, Myanmar, Armenian), before
// any closing quotes and brackets ("“We will be back.”", "«C'est
// fini.»"). An ellipsis is not an end: it cuts teasers and pull quotes.
func endsSentence(text string) bool {
	text = strings.TrimRightFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.Is(unicode.Pf, r) || unicode.Is(unicode.Pe, r) ||
			r == '"' || r == '\'' || r == '»' || r == '«' || r == '」' || r == '』'
	})
	r, _ := utf8.DecodeLastRuneInString(text)
	switch r {
	case '.', '!', '?', '؟', '。', '！', '？', '\u06d4', '।', '॥', '።', '။', '։':
		return true
	}
	return false
}

// nodeText is the raw text content of n.
func nodeText(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	if c := n.FirstChild; c != nil && c == n.LastChild && c.Type == html.TextNode {
		return c.Data // one text child, the common paragraph: no copy
	}
	var b strings.Builder
	appendText(&b, n)
	return b.String()
}

func appendText(b *strings.Builder, n *html.Node) {
	if n.Type == html.TextNode {
		b.WriteString(n.Data)
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		appendText(b, c)
	}
}

// maxCaptionChars bounds the text of a block that counts as a figure.
const maxCaptionChars = 300

// isFigure reports whether sibling c is the article's picture: a <figure>,
// or a block holding an image that is not a link and little text.
func isFigure(c *html.Node, st *stats) bool {
	if st.chars > maxCaptionChars || st.linkChars*2 > st.chars {
		return false
	}
	img := c
	if c.DataAtom != atom.Img {
		img = findElement(c, atom.Img)
	}
	if img == nil {
		return false
	}
	for a := img; a != nil && a != c.Parent; a = a.Parent {
		if a.DataAtom == atom.A {
			return false
		}
	}
	return true
}
