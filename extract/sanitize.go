package extract

import (
	"bytes"
	"slices"
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
	p.AllowElements(allowedElements[:]...)
	for _, a := range allowedAttrs {
		p.AllowAttrs(a.attrs...).OnElements(a.elements...)
	}
	p.RequireParseableURLs(true)
	p.RequireNoFollowOnLinks(false)
	p.AllowURLSchemes(allowedSchemes[:]...)
	return p
})

// allowedElements are the elements the policy keeps, with allowedAttrs'
// elements.
var allowedElements = [...]string{
	"h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li",
	"dl", "dt", "dd", "blockquote", "table", "thead", "tbody", "tfoot", "tr",
	"td", "th", "caption", "colgroup", "col", "figure", "figcaption", "pre",
	"code", "em", "strong", "b", "i", "u", "s", "br", "hr", "sup", "sub",
	"q", "cite", "abbr", "small", "mark", "del", "ins", "kbd", "samp", "var",
}

// allowedSchemes are the URL schemes the policy keeps; relative URLs it
// keeps too.
var allowedSchemes = [...]string{"http", "https", "mailto"}

// renderHTML serializes content nodes and sanitizes the result. Containers
// (div, td, section …) are rendered through their children, so the output
// is a flat run of paragraphs, lists, tables and figures.
//
// Most articles are written straight from the tree by writeAllowed, which
// keeps what the policy keeps; the few it cannot vouch for take the
// policy's own path (renderSanitized). size is about how long the output
// will be, 0 when unknown.
func renderHTML(nodes []*html.Node, size int) (string, error) {
	for _, n := range nodes {
		dropForeignAttrs(n)
	}
	var out strings.Builder
	out.Grow(size)
	if writeAllowed(&out, nodes) {
		return strings.TrimSpace(out.String()), nil
	}
	return renderSanitized(nodes)
}

// renderSanitized renders content nodes as HTML and has the policy
// sanitize the text.
func renderSanitized(nodes []*html.Node) (string, error) {
	var b bytes.Buffer
	for _, n := range nodes {
		if err := renderNode(&b, n); err != nil {
			return "", err
		}
	}
	// The output is about as long as the input: one buffer of that size
	// rather than a growing one. On an error the result is empty, as
	// SanitizeReader would make it.
	var out bytes.Buffer
	out.Grow(b.Len())
	if err := policy().SanitizeReaderToWriter(&b, &out); err != nil {
		return "", nil
	}
	return strings.TrimSpace(out.String()), nil
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

// allowedAttrs are the attributes the policy keeps, and on which elements;
// it drops every other one.
var allowedAttrs = [...]struct{ attrs, elements []string }{
	{[]string{"href"}, []string{"a"}},
	{[]string{"src", "srcset", "alt", "width", "height"}, []string{"img"}},
	{[]string{"colspan", "rowspan"}, []string{"td", "th"}},
}

// mayKeepAttr reports whether the policy keeps attribute key on some
// element.
func mayKeepAttr(key string) bool {
	for _, a := range allowedAttrs {
		if slices.Contains(a.attrs, key) {
			return true
		}
	}
	return false
}

// dropForeignAttrs removes, under n, the attributes the policy would drop
// anyway (class, id, style, data-* …), so that it reads less. It is no
// part of the sanitizing: the policy still checks what is left.
func dropForeignAttrs(n *html.Node) {
	if n.Type == html.ElementNode && len(n.Attr) > 0 {
		kept := n.Attr[:0]
		for _, a := range n.Attr {
			if a.Namespace == "" && mayKeepAttr(a.Key) {
				kept = append(kept, a)
			}
		}
		clear(n.Attr[len(kept):])
		n.Attr = kept
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		dropForeignAttrs(c)
	}
}

func keepsOwnTag(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Ul, atom.Ol, atom.Dl, atom.Table, atom.Blockquote,
		atom.Pre, atom.Figure, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}
