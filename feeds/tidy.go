package feeds

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/refeed/refeed/internal/clean"
)

// isURLAttr reports attributes holding a URL that readers must be able to
// follow once the HTML leaves its page.
func isURLAttr(key string) bool {
	switch key {
	case "href", "src", "poster", "cite":
		return true
	}
	return false
}

// maxDepth is the deepest element nesting kept in an item's HTML. No
// article needs more (a CMS's deepest layouts stay under 30 levels); a
// deeper fragment is a fault or an attack on readers' layout engines, and
// what lies below is unwrapped into its ancestor at this depth.
const maxDepth = 64

// tidyHTML makes a sanitised HTML fragment from a feed fit to republish:
// relative URLs (href, src, srcset, poster, cite) are resolved against
// base, so content republished in another feed still points at the source
// site; a URL attribute longer than clean.MaxURLLength is dropped; and
// elements nested deeper than maxDepth are unwrapped. A fragment too
// deep for the HTML parser (over 512 open elements) is reduced to its
// text. The fragment is returned unchanged when none of this applies; a
// base that is not an absolute URL resolves nothing.
func tidyHTML(fragment, base string) string {
	if fragment == "" || !strings.Contains(fragment, "=") && strings.Count(fragment, "<") <= maxDepth {
		return fragment
	}
	b, err := url.Parse(base)
	if err != nil || !b.IsAbs() {
		b = nil
	}
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(fragment), ctx)
	if err != nil {
		return textOnly(fragment)
	}
	changed := false
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	changed = flatten(root, 0) || changed
	changed = tidyTree(root, b) || changed
	if !changed {
		return fragment
	}
	var sb strings.Builder
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		if err := html.Render(&sb, c); err != nil {
			return textOnly(fragment)
		}
	}
	return sb.String()
}

// textOnly is a fragment's text as one escaped paragraph, or "".
func textOnly(fragment string) string {
	text := htmlText(fragment)
	if text == "" {
		return ""
	}
	return "<p>" + escapeText(text) + "</p>"
}

// flatten unwraps the elements under n that sit deeper than maxDepth (n
// at depth) and hold elements themselves, moving their children up, and
// reports whether it did. An innermost element (a link, an emphasis)
// stays, so the text keeps its last markup and the depth stays bounded.
func flatten(n *html.Node, depth int) bool {
	changed := false
	for c := n.FirstChild; c != nil; {
		if c.Type == html.ElementNode && depth >= maxDepth && hasElementChild(c) {
			first := c.FirstChild
			for gc := c.FirstChild; gc != nil; gc = c.FirstChild {
				c.RemoveChild(gc)
				n.InsertBefore(gc, c)
			}
			n.RemoveChild(c)
			c, changed = first, true // its children now sit at this level
			continue
		}
		changed = flatten(c, depth+1) || changed
		c = c.NextSibling
	}
	return changed
}

// tidyTree resolves URL attributes under n against base (when not nil)
// and drops those longer than clean.MaxURLLength, reporting whether
// anything changed.
func tidyTree(n *html.Node, base *url.URL) bool {
	changed := false
	if n.Type == html.ElementNode {
		kept := n.Attr[:0]
		for _, a := range n.Attr {
			v := a.Val
			switch {
			case isURLAttr(a.Key) && base != nil:
				v = resolveRef(a.Val, base)
			case a.Key == "srcset" && base != nil:
				v = resolveSrcset(a.Val, base)
			}
			if (isURLAttr(a.Key) || a.Key == "srcset") && !clean.URLFits(v) {
				changed = true
				continue
			}
			if v != a.Val {
				a.Val, changed = v, true
			}
			kept = append(kept, a)
		}
		n.Attr = kept
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		changed = tidyTree(c, base) || changed
	}
	return changed
}

// resolveRef resolves one reference; absolute URLs, fragments-only and
// unparseable values are kept as they are.
func resolveRef(ref string, base *url.URL) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || strings.HasPrefix(ref, "#") {
		return ref
	}
	u, err := url.Parse(ref)
	if err != nil || u.IsAbs() {
		return ref
	}
	return base.ResolveReference(u).String()
}

// resolveSrcset resolves each candidate URL of a srcset attribute.
func resolveSrcset(v string, base *url.URL) string {
	parts := strings.Split(v, ",")
	for i, p := range parts {
		fields := strings.Fields(p)
		if len(fields) == 0 {
			continue
		}
		fields[0] = resolveRef(fields[0], base)
		parts[i] = strings.Join(fields, " ")
	}
	return strings.Join(parts, ", ")
}

func hasElementChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return true
		}
	}
	return false
}
