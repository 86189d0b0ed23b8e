package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageIndex holds the elements readMetadata reads, found in one walk over
// the document. Every goquery Find is a walk of its own; a dozen of them
// cost a third of the parse time, one walk a small part of it.
type pageIndex struct {
	html, body    *html.Node
	title, h1     *html.Node
	main, article *html.Node
	metas         []*html.Node  // <meta> elements with a content (or datetime) attribute
	ldScripts     []*html.Node  // <script type="application/ld+json">
	imageSrc      string        // href of the first <link rel="image_src">
	baseHref      string        // href of the first <base>
	mojibake      mojibakeCount // pieces of mojibake in its texts, up to textkit.MinMojibake
}

// indexPage walks the tree under root once.
func indexPage(root *html.Node) *pageIndex {
	idx := &pageIndex{}
	if root == nil {
		return idx
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.ElementNode && n.Namespace == "":
			idx.add(n)
			if n.DataAtom == atom.Script || n.DataAtom == atom.Style {
				return
			}
		case n.Type == html.TextNode:
			idx.mojibake.note(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return idx
}

// add records n when it is one of the elements the index keeps.
func (idx *pageIndex) add(n *html.Node) {
	switch n.DataAtom {
	case atom.Html:
		setFirst(&idx.html, n)
	case atom.Body:
		setFirst(&idx.body, n)
	case atom.Title:
		setFirst(&idx.title, n)
	case atom.H1:
		setFirst(&idx.h1, n)
	case atom.Main:
		setFirst(&idx.main, n)
	case atom.Article:
		setFirst(&idx.article, n)
	case atom.Meta:
		if hasAttrKey(n, "content") || hasAttrKey(n, "datetime") {
			idx.metas = append(idx.metas, n)
			idx.mojibake.note(attrOf(n, "content"))
		}
	case atom.Script:
		if strings.HasPrefix(strings.ToLower(strings.TrimSpace(attrOf(n, "type"))), "application/ld+json") {
			idx.ldScripts = append(idx.ldScripts, n)
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.TextNode {
					idx.mojibake.note(c.Data)
				}
			}
		}
	case atom.Link:
		if idx.imageSrc == "" && strings.EqualFold(attrOf(n, "rel"), "image_src") {
			idx.imageSrc = attrOf(n, "href")
		}
	case atom.Base:
		if idx.baseHref == "" {
			idx.baseHref = attrOf(n, "href")
		}
	}
}

// setFirst stores n in *slot unless an earlier element is there.
func setFirst(slot **html.Node, n *html.Node) {
	if *slot == nil {
		*slot = n
	}
}

// collapsedText returns the text of n with white space collapsed, or ""
// for nil.
func collapsedText(n *html.Node) string {
	return collapseSpace(rawText(n))
}

// rawText returns the text under n as the page has it, or "" for nil.
func rawText(n *html.Node) string {
	if n == nil {
		return ""
	}
	if c := n.FirstChild; c != nil && c.NextSibling == nil && c.Type == html.TextNode {
		return c.Data // the common case of <title> and <script>: no copy
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(n)
	return b.String()
}

// bodyOrRoot returns the body to scan, or nil when the page has none.
func (idx *pageIndex) bodyOrRoot() *html.Node {
	if idx.body != nil {
		return idx.body
	}
	return idx.html
}
