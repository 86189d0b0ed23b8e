package siterules

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// clean applies the strip, strip_id_or_class, strip_image_src, strip_attr,
// dissolve and wrap_in rules to doc, in that order. Each XPath is evaluated
// on the document as the rules before it left it.
func (s *Site) clean(doc *html.Node) {
	for _, x := range s.Strip {
		for _, m := range x.matches(doc) {
			if m.attr != "" {
				removeAttr(m.n, m.attr)
			} else {
				remove(m.n)
			}
		}
	}
	if len(s.StripIDOrClass) > 0 || len(s.StripImageSrc) > 0 {
		for _, n := range s.marked(doc) {
			remove(n)
		}
	}
	for _, x := range s.StripAttr {
		for _, m := range x.matches(doc) {
			if m.attr != "" {
				removeAttr(m.n, m.attr)
			}
		}
	}
	for _, x := range s.Dissolve {
		for _, m := range x.matches(doc) {
			if m.attr == "" {
				dissolve(m.n)
			}
		}
	}
	for _, w := range s.WrapIn {
		for _, m := range w.XPath.matches(doc) {
			if m.attr == "" {
				wrap(m.n, w.Tag)
			}
		}
	}
}

// marked returns the elements a strip_id_or_class or strip_image_src rule
// names, outermost first, without walking into elements already marked.
func (s *Site) marked(doc *html.Node) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if s.idOrClassMatch(c) || s.imageSrcMatch(c) {
				out = append(out, c)
				continue
			}
			walk(c)
		}
	}
	walk(doc)
	return out
}

// idOrClassMatch reports whether n's id or class attribute contains one of
// the strip_id_or_class strings (a substring, as the format documents).
func (s *Site) idOrClassMatch(n *html.Node) bool {
	if len(s.StripIDOrClass) == 0 {
		return false
	}
	id, class := attr(n, "id"), attr(n, "class")
	if id == "" && class == "" {
		return false
	}
	for _, v := range s.StripIDOrClass {
		if strings.Contains(class, v) || strings.Contains(id, v) {
			return true
		}
	}
	return false
}

func (s *Site) imageSrcMatch(n *html.Node) bool {
	if n.DataAtom != atom.Img || len(s.StripImageSrc) == 0 {
		return false
	}
	src := attr(n, "src")
	for _, v := range s.StripImageSrc {
		if strings.Contains(src, v) {
			return true
		}
	}
	return false
}

// protected reports whether n is the document or its html, head or body
// element, which no rule may remove.
func protected(n *html.Node) bool {
	if n.Type == html.DocumentNode {
		return true
	}
	if n.Type != html.ElementNode {
		return false
	}
	switch n.DataAtom {
	case atom.Html, atom.Head, atom.Body:
		return n.Parent != nil && (n.Parent.Type == html.DocumentNode || n.Parent.DataAtom == atom.Html)
	}
	return false
}

// remove detaches n from the tree unless it is protected.
func remove(n *html.Node) {
	if n == nil || n.Parent == nil || protected(n) {
		return
	}
	n.Parent.RemoveChild(n)
}

func removeAttr(n *html.Node, key string) {
	if n == nil || n.Type != html.ElementNode {
		return
	}
	kept := n.Attr[:0]
	for _, a := range n.Attr {
		if a.Key != key {
			kept = append(kept, a)
		}
	}
	n.Attr = kept
}

// dissolve replaces element n by its children.
func dissolve(n *html.Node) {
	if n == nil || n.Type != html.ElementNode || n.Parent == nil || protected(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = n.FirstChild {
		n.RemoveChild(c)
		n.Parent.InsertBefore(c, n)
	}
	n.Parent.RemoveChild(n)
}

// wrap puts element n inside a new element named tag, where n was.
func wrap(n *html.Node, tag string) {
	if n == nil || n.Type != html.ElementNode || n.Parent == nil || protected(n) {
		return
	}
	w := &html.Node{Type: html.ElementNode, Data: tag, DataAtom: atom.Lookup([]byte(tag))}
	n.Parent.InsertBefore(w, n)
	n.Parent.RemoveChild(n)
	w.AppendChild(n)
}
