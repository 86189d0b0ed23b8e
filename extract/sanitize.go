package extract

import (
	"bytes"
	"strings"
	"sync"

	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// policy is the allowlist for article HTML. It is built once and never
// changed afterwards; a bluemonday Policy is safe for concurrent use.
var policy = sync.OnceValue(func() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowStandardURLs()
	p.AllowElements("h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li",
		"dl", "dt", "dd", "blockquote", "table", "thead", "tbody", "tfoot", "tr",
		"td", "th", "caption", "colgroup", "col", "figure", "figcaption", "pre",
		"code", "em", "strong", "b", "i", "u", "s", "br", "hr", "sup", "sub",
		"q", "cite", "abbr", "small", "mark", "del", "ins", "kbd", "samp", "var")
	p.AllowAttrs("href").OnElements("a")
	p.AllowAttrs("src", "srcset", "alt", "width", "height").OnElements("img")
	p.AllowAttrs("colspan", "rowspan").OnElements("td", "th")
	p.RequireParseableURLs(true)
	p.RequireNoFollowOnLinks(false)
	p.AllowURLSchemes("http", "https", "mailto")
	return p
})

// renderHTML serializes content nodes and sanitizes the result. Containers
// (div, td, section …) are rendered through their children, so the output
// is a flat run of paragraphs, lists, tables and figures.
func renderHTML(nodes []*html.Node) (string, error) {
	var b bytes.Buffer
	for _, n := range nodes {
		if err := renderNode(&b, n); err != nil {
			return "", err
		}
	}
	return strings.TrimSpace(policy().SanitizeReader(&b).String()), nil
}

func renderNode(b *bytes.Buffer, n *html.Node) error {
	if n.Type == html.ElementNode && keepsOwnTag(n.DataAtom) {
		return html.Render(b, n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if err := html.Render(b, c); err != nil {
			return err
		}
	}
	return nil
}

func keepsOwnTag(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Ul, atom.Ol, atom.Dl, atom.Table, atom.Blockquote,
		atom.Pre, atom.Figure, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}
