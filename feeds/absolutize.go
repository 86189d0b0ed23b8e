package feeds

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
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

// absolutizeHTML resolves relative URLs in an HTML fragment (href, src,
// srcset, poster, cite) against base, so that content republished in
// another feed still points at the source site. The fragment is returned
// unchanged when it has no relative URL-bearing attributes or base is not
// an absolute URL.
func absolutizeHTML(fragment, base string) string {
	if fragment == "" || !strings.ContainsAny(fragment, "=") {
		return fragment
	}
	b, err := url.Parse(base)
	if err != nil || !b.IsAbs() {
		return fragment
	}
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(fragment), ctx)
	if err != nil {
		return fragment
	}
	changed := false
	for _, n := range nodes {
		changed = resolveTree(n, b) || changed
	}
	if !changed {
		return fragment
	}
	var sb strings.Builder
	for _, n := range nodes {
		if err := html.Render(&sb, n); err != nil {
			return fragment
		}
	}
	return sb.String()
}

// resolveTree rewrites relative URL attributes under n, reporting whether
// anything changed.
func resolveTree(n *html.Node, base *url.URL) bool {
	changed := false
	if n.Type == html.ElementNode {
		for i, a := range n.Attr {
			var v string
			switch {
			case isURLAttr(a.Key):
				v = resolveRef(a.Val, base)
			case a.Key == "srcset":
				v = resolveSrcset(a.Val, base)
			default:
				continue
			}
			if v != a.Val {
				n.Attr[i].Val, changed = v, true
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		changed = resolveTree(c, base) || changed
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
