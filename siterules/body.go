package siterules

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// selectBody returns the nodes of the first body rule that selects any
// element or non-blank text, in document order, leaving out nodes inside
// another selected node.
func (s *Site) selectBody(doc *html.Node) []*html.Node {
	for _, x := range s.Body {
		var picked []*html.Node
		in := map[*html.Node]bool{}
		for _, m := range x.matches(doc) {
			if !bodyNode(m) || in[m.n] || hasAncestorIn(m.n, in) {
				continue
			}
			in[m.n] = true
			picked = append(picked, m.n)
		}
		if len(picked) > 0 {
			return picked
		}
	}
	return nil
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

func hasAncestorIn(n *html.Node, set map[*html.Node]bool) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if set[p] {
			return true
		}
	}
	return false
}

// wrapBody replaces the children of doc's body element with one div, id
// BodyID, holding the picked nodes (a picked html or body element stands
// for the body's children). It reports false, leaving doc as it was, when
// the document has no body element (a frameset page).
func wrapBody(doc *html.Node, picked []*html.Node) bool {
	body := findBody(doc)
	if body == nil {
		return false
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
	return true
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
