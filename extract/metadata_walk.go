package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// walkVisible calls fn on n and its descendants in document order, skipping
// the insides of script, style, noscript and template elements. It stops
// as soon as fn returns false and reports whether it ran to the end.
// Walking the tree directly avoids building goquery selections for the
// fallback scans, which run on every page that lacks metadata.
func walkVisible(n *html.Node, fn func(*html.Node) bool) bool {
	if !fn(n) {
		return false
	}
	if n.Type == html.ElementNode && invisibleSubtree(n.DataAtom) {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if !walkVisible(c, fn) {
			return false
		}
	}
	return true
}

// invisibleSubtree reports whether the text inside an element is never
// visible page text.
func invisibleSubtree(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Math, atom.Iframe:
		return true
	}
	return false
}

// attrOf returns the value of an attribute of n, or "".
func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// limitedText returns the visible text under n, stopping once it has more
// than limit bytes (then ok is false).
func limitedText(n *html.Node, limit int) (text string, ok bool) {
	var b strings.Builder
	ok = walkVisible(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		return b.Len() <= limit
	})
	return collapseSpace(b.String()), ok
}

// containsASCIIFold reports whether s contains sub, ignoring ASCII case; sub
// must be lowercase. It does not allocate.
func containsASCIIFold(s, sub string) bool {
	n := len(sub)
	for i := 0; i+n <= len(s); i++ {
		if equalFoldASCII(s[i:i+n], sub) {
			return true
		}
	}
	return false
}

// equalFoldASCII compares s with the lowercase ASCII string lower.
func equalFoldASCII(s, lower string) bool {
	for i := 0; i < len(lower); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// foldWords is a fixed list of lowercase ASCII words that in looks for
// inside a text, ignoring ASCII case. It scans the text once, trying at
// each byte only the words that start with it. It is built once and
// never changed.
type foldWords struct {
	words   []string
	byFirst [256][]string // the words by their first byte
}

// newFoldWords returns the list of words, which must be lowercase and
// not empty.
func newFoldWords(words ...string) *foldWords {
	f := &foldWords{words: words}
	for _, w := range words {
		if w == "" {
			panic("extract: empty word in a foldWords list")
		}
		f.byFirst[w[0]] = append(f.byFirst[w[0]], w)
	}
	return f
}

// in reports whether s contains one of the words, ignoring ASCII case.
// It does not allocate.
func (f *foldWords) in(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		for _, w := range f.byFirst[c] {
			if len(w) <= len(s)-i && equalFoldASCII(s[i:i+len(w)], w) {
				return true
			}
		}
	}
	return false
}

// attrOfNil is attrOf that accepts a nil node.
func attrOfNil(n *html.Node, key string) string {
	if n == nil {
		return ""
	}
	return attrOf(n, key)
}
