package extract

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// unwrapLayoutTables replaces the tables in nodes that lay out the page
// (their cells hold paragraphs) with the content of their cells, so the
// article HTML keeps data tables only. nodes must have a parent; the
// returned slice replaces it.
func unwrapLayoutTables(nodes []*html.Node) []*html.Node {
	out := nodes[:0:0]
	for _, n := range nodes {
		unwrapLayoutIn(n)
		if n.DataAtom != atom.Table || !layoutTable(n) || n.Parent == nil {
			out = append(out, n)
			continue
		}
		prev := n.PrevSibling
		liftCells(n, n)
		start := n.Parent.FirstChild
		if prev != nil {
			start = prev.NextSibling
		}
		for c := start; c != n; c = c.NextSibling {
			out = append(out, c)
		}
		n.Parent.RemoveChild(n)
	}
	return out
}

func unwrapLayoutIn(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			unwrapLayoutIn(c)
			if c.DataAtom == atom.Table && layoutTable(c) {
				liftCells(c, c)
				n.RemoveChild(c)
			}
		}
		c = next
	}
}

// liftCells moves the content of every cell under n to just before table,
// in document order.
func liftCells(table, n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch c.DataAtom {
		case atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr:
			liftCells(table, c)
		case atom.Td, atom.Th, atom.Caption:
			for g := c.FirstChild; g != nil; {
				gn := g.NextSibling
				c.RemoveChild(g)
				table.Parent.InsertBefore(g, table)
				g = gn
			}
		}
		c = next
	}
}
