package extract

import (
	"maps"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// getAttr returns the value of the attribute key on n, or "".
func getAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

// setAttr sets the attribute key on n, adding it when missing.
func setAttr(n *html.Node, key, val string) {
	for i, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			n.Attr[i].Val = val
			return
		}
	}
	n.Attr = append(n.Attr, html.Attribute{Key: key, Val: val})
}

// removeAttr removes the attribute key from n.
func removeAttr(n *html.Node, key string) {
	kept := n.Attr[:0]
	for _, a := range n.Attr {
		if a.Key != key || a.Namespace != "" {
			kept = append(kept, a)
		}
	}
	n.Attr = kept
}

// removeNode detaches n from its parent.
func removeNode(n *html.Node) {
	if n.Parent != nil {
		n.Parent.RemoveChild(n)
	}
}

// unwrap replaces n by its children.
func unwrap(n *html.Node) {
	p := n.Parent
	if p == nil {
		return
	}
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		n.RemoveChild(c)
		p.InsertBefore(c, n)
		c = next
	}
	p.RemoveChild(n)
}

// findElement returns the first element with tag a in document order.
func findElement(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findElement(c, a); f != nil {
			return f
		}
	}
	return nil
}

// isInline reports whether elements with tag a flow inside a paragraph.
func isInline(a atom.Atom) bool {
	switch a {
	case atom.A, atom.Abbr, atom.B, atom.Bdi, atom.Bdo, atom.Big, atom.Cite,
		atom.Code, atom.Data, atom.Del, atom.Dfn, atom.Em, atom.Font, atom.I,
		atom.Img, atom.Ins, atom.Kbd, atom.Label, atom.Mark, atom.Nobr, atom.Q,
		atom.Rp, atom.Rt, atom.Ruby, atom.S, atom.Samp, atom.Small, atom.Span,
		atom.Strike, atom.Strong, atom.Sub, atom.Sup, atom.Time, atom.Tt,
		atom.U, atom.Var, atom.Wbr, atom.Br, atom.Picture, atom.Source:
		return true
	}
	return false
}

// isInlineNode reports whether n is text or an inline element.
func isInlineNode(n *html.Node) bool {
	switch n.Type {
	case html.TextNode:
		return true
	case html.ElementNode:
		if n.Namespace == "math" || n.DataAtom == atom.Math {
			return true // a formula flows inside its sentence
		}
		return isInline(n.DataAtom) || n.DataAtom == 0 && !strings.Contains(n.Data, "-")
	}
	return false
}

// isParagraphLike reports whether tag a holds running text that must not be
// split into further paragraphs.
func isParagraphLike(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Pre, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Li, atom.Dt, atom.Dd, atom.Th, atom.Caption, atom.Figcaption,
		atom.Table, atom.Tr, atom.Tbody, atom.Thead, atom.Tfoot, atom.Ul,
		atom.Ol, atom.Dl, atom.Select, atom.Code, atom.A, atom.Button,
		atom.Textarea, atom.Address, atom.Summary:
		return true
	}
	return false
}

// isHeading reports whether tag a is h1..h6.
func isHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// isSpace reports whether s holds only HTML whitespace.
func isSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\r', '\f':
		default:
			return false
		}
	}
	return true
}

// contains reports whether d is n or a descendant of n.
func contains(n, d *html.Node) bool {
	for ; d != nil; d = d.Parent {
		if d == n {
			return true
		}
	}
	return false
}

// walkElementsUntil calls fn on each element under n, depth first, until
// fn returns true, and reports whether it did.
func walkElementsUntil(n *html.Node, fn func(*html.Node) bool) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (fn(c) || walkElementsUntil(c, fn)) {
			return true
		}
	}
	return false
}

// inComments reports whether n, or an element around it, is a box of
// readers' comments by its class or id ("comment-author", "commentlist",
// "kommentare", "disqus_thread"): its dates and names are the readers',
// not the article's. The body's classes, which name the page's template
// ("comments-open"), do not count.
func inComments(n *html.Node) bool {
	for p := n; p != nil && p.DataAtom != atom.Body; p = p.Parent {
		if p.Type != html.ElementNode {
			continue
		}
		for _, k := range [...]string{"class", "id"} {
			v := attrOf(p, k)
			if containsASCIIFold(v, "comment") || containsASCIIFold(v, "kommentar") || containsASCIIFold(v, "disqus") {
				return true
			}
		}
	}
	return false
}

// firstElementChild returns the first child of n that is an element, or
// nil.
func firstElementChild(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return c
		}
	}
	return nil
}

// nextElement returns the next element sibling of n, or nil.
func nextElement(n *html.Node) *html.Node {
	for c := n.NextSibling; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return c
		}
	}
	return nil
}

// isWrapperOf reports whether element c is all that n holds: no other
// element and no text besides whitespace.
func isWrapperOf(n, c *html.Node) bool {
	for x := n.FirstChild; x != nil; x = x.NextSibling {
		switch {
		case x == c:
		case x.Type == html.ElementNode:
			return false
		case x.Type == html.TextNode && !isSpace(x.Data):
			return false
		}
	}
	return true
}

// isWrapper reports whether n only wraps one element: no other element
// and no text of its own.
func isWrapper(n *html.Node) bool {
	c := firstElementChild(n)
	return c != nil && isWrapperOf(n, c)
}

// union returns the elements of a and of b as one set: a itself when b is
// empty, a new set otherwise (neither is changed).
func union(a, b map[*html.Node]bool) map[*html.Node]bool {
	if len(b) == 0 {
		return a
	}
	out := make(map[*html.Node]bool, len(a)+len(b))
	maps.Copy(out, a)
	maps.Copy(out, b)
	return out
}
