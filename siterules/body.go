package siterules

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// selectBody returns the nodes of the first body rule that selects any
// element or non-blank text, in document order (antchfx/xpath does not sort
// the result of a union), leaving out nodes inside another selected node.
func (s *Site) selectBody(doc *html.Node) []*html.Node {
	for _, x := range s.Body {
		set := map[*html.Node]bool{}
		for _, m := range x.matches(doc) {
			if bodyNode(m) {
				set[m.n] = true
			}
		}
		if len(set) > 0 {
			return outermostInOrder(doc, set)
		}
	}
	return nil
}

// outermostInOrder walks doc in document order and returns the nodes in
// set that have no ancestor in set.
func outermostInOrder(doc *html.Node, set map[*html.Node]bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && len(out) < len(set); c = c.NextSibling {
			if set[c] {
				out = append(out, c)
				continue
			}
			walk(c)
		}
	}
	walk(doc)
	return out
}

func bodyNode(m match) bool {
	if m.attr != "" || m.n == nil || m.n.Parent == nil {
		return false
	}
	switch m.n.Type {
	case html.ElementNode:
		return m.n.DataAtom != atom.Head
	case html.TextNode:
		return strings.TrimSpace(m.n.Data) != ""
	}
	return false
}

// wrapBody replaces the children of doc's body element with one div, id
// BodyID, holding the picked nodes (a picked html or body element stands
// for the body's children), and returns the div. It returns nil, leaving
// doc as it was, when the document has no body element (a frameset page).
func wrapBody(doc *html.Node, picked []*html.Node) *html.Node {
	body := findBody(doc)
	if body == nil {
		return nil
	}
	w := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div,
		Attr: []html.Attribute{{Key: "id", Val: BodyID}}}
	for _, n := range picked {
		if n.Type == html.ElementNode && (n.DataAtom == atom.Html || n.DataAtom == atom.Body) {
			moveChildren(body, w)
			continue
		}
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
		w.AppendChild(n)
	}
	for c := body.FirstChild; c != nil; c = body.FirstChild {
		body.RemoveChild(c)
	}
	body.AppendChild(w)
	return w
}

// moveChildren moves from's children to the end of to.
func moveChildren(from, to *html.Node) {
	for c := from.FirstChild; c != nil; c = from.FirstChild {
		from.RemoveChild(c)
		to.AppendChild(c)
	}
}

// findBody returns the body element that is a child of the html element.
func findBody(doc *html.Node) *html.Node {
	for h := doc.FirstChild; h != nil; h = h.NextSibling {
		if h.Type != html.ElementNode || h.DataAtom != atom.Html {
			continue
		}
		for c := h.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.Body {
				return c
			}
		}
	}
	return nil
}
