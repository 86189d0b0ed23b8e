package extract

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// wrapRuns turns the loose inline content of container n into paragraphs
// when n mixes it with blocks or separates it with <br>: "text<br><br>text"
// becomes "<p>text</p><p>text</p>". A container holding one run of inline
// content and nothing else is left alone; it is scored as a paragraph.
func wrapRuns(n *html.Node) {
	if n.Type != html.ElementNode || !needsWrap(n) {
		return
	}
	var start *html.Node
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.ElementNode && c.DataAtom == atom.Br:
			wrap(n, start, c)
			n.RemoveChild(c)
			start = nil
		case isInlineNode(c) && !holdsBlock(c):
			if start == nil {
				start = c
			}
		default:
			wrap(n, start, c)
			start = nil
		}
		c = next
	}
	wrap(n, start, nil)
}

// holdsBlock reports whether inline element n has a block child, as a
// <font> or <span> wrapping whole paragraphs does.
func holdsBlock(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (!isInlineNode(c) || holdsBlock(c)) {
			return true
		}
	}
	return false
}

// needsWrap reports whether n has two runs of inline content split by a
// <br>, or a block child next to inline content that is not whitespace. A
// lone trailing <br> splits nothing.
func needsWrap(n *html.Node) bool {
	runs, block := 0, false
	inRun := false
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.ElementNode && c.DataAtom == atom.Br:
			inRun = false
		case c.Type == html.TextNode && isSpace(c.Data):
		case c.Type == html.TextNode, isInlineNode(c) && !holdsBlock(c):
			if !inRun {
				runs++
				inRun = true
			}
		case c.Type == html.ElementNode:
			block = true
			inRun = false
		}
	}
	return runs > 1 || block && runs > 0
}

// wrap moves the siblings from start up to (not including) end into a new
// <p> inserted in their place, unless they hold only whitespace.
func wrap(parent, start, end *html.Node) {
	if start == nil || !hasContent(start, end) {
		return
	}
	p := &html.Node{Type: html.ElementNode, DataAtom: atom.P, Data: "p"}
	parent.InsertBefore(p, start)
	for c := start; c != end; {
		next := c.NextSibling
		parent.RemoveChild(c)
		p.AppendChild(c)
		c = next
	}
}

func hasContent(start, end *html.Node) bool {
	for c := start; c != end; c = c.NextSibling {
		if c.Type != html.TextNode || !isSpace(c.Data) {
			return true
		}
	}
	return false
}
