package extract

import (
	"net/url"
	"slices"
	"strings"

	"golang.org/x/net/html"
)

// writeAllowed writes content nodes as renderHTML's policy keeps them,
// straight from the tree, where the policy renders the tree to text and
// reads it back: allowed elements with their allowed attributes (a link's
// href and an image's src only when allowedURL passes them), other
// elements through their content, and the elements whose content is
// never shown (noscript, object …) not at all. Containers at the top are
// written through their children, as renderNode writes them.
//
// It reports false, having written part of the output or none, on a tree
// that text would not carry unchanged: an element whose text a tokenizer
// reads raw (script, textarea, xmp …), a tag name a tokenizer would read
// otherwise, a comment, a void element with children (html.Render
// refuses it), a link inside a link (the policy closes the wrong one).
// renderHTML then takes the policy's own path (renderSanitized).
// TestWriteAllowed and FuzzWriteAllowed hold the two paths to the same
// output.
func writeAllowed(b *strings.Builder, nodes []*html.Node) bool {
	w := allowedWriter{b: b}
	for _, n := range nodes {
		if n.Type == html.ElementNode && keepsOwnTag(n.DataAtom) {
			if !w.node(n, false, false) {
				return false
			}
			continue
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !w.node(c, false, false) {
				return false
			}
		}
	}
	return true
}

// allowedWriter is the state of one writeAllowed.
type allowedWriter struct {
	b     *strings.Builder
	attrs []html.Attribute // the kept attributes of the element at hand
}

// node writes n unless hidden (inside an element whose content the policy
// drops); inLink says n sits inside a link.
func (w *allowedWriter) node(n *html.Node, hidden, inLink bool) bool {
	switch n.Type {
	case html.TextNode:
		if !hidden {
			escapeTo(w.b, n.Data)
		}
		return true
	case html.ElementNode:
	default:
		return false
	}
	name := n.Data
	void := isVoidTag(name)
	if !plainTagName(name) || isRawTextTag(name) || void && n.FirstChild != nil {
		return false
	}
	if name == "a" {
		if inLink {
			return false
		}
		inLink = true
	}
	keep := false
	if attrs, ok := allowedElement(name); ok {
		w.attrs = keptAttrs(name, n.Attr, attrs, w.attrs[:0])
		keep = len(w.attrs) > 0 || !needsAttrs(name)
	} else if skipsContent(name) {
		hidden = true
	}
	if keep && !hidden {
		w.b.WriteByte('<')
		w.b.WriteString(name)
		for _, a := range w.attrs {
			w.b.WriteByte(' ')
			w.b.WriteString(a.Key)
			w.b.WriteString(`="`)
			escapeTo(w.b, a.Val)
			w.b.WriteByte('"')
		}
		if void {
			w.b.WriteString("/>")
			return true
		}
		w.b.WriteByte('>')
	}
	if void {
		return true
	}
	if c := n.FirstChild; !hidden && c != nil && c.Type == html.TextNode && strings.HasPrefix(c.Data, "\n") && (name == "pre" || name == "listing") {
		w.b.WriteByte('\n') // as html.Render writes it, lest a parser drop the first
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if !w.node(c, hidden, inLink) {
			return false
		}
	}
	if keep && !hidden {
		w.b.WriteString("</")
		w.b.WriteString(name)
		w.b.WriteByte('>')
	}
	return true
}

// htmlEscapes are the characters html.EscapeString escapes, and how.
var htmlEscapes = strings.NewReplacer(`&`, "&amp;", `'`, "&#39;", `<`, "&lt;", `>`, "&gt;", `"`, "&#34;", "\r", "&#13;")

// escapeTo writes s to b as html.EscapeString escapes it, without making
// the escaped copy first.
func escapeTo(b *strings.Builder, s string) {
	// Six searches for one byte each run faster than one for any of six.
	const escaped = "&'<>\"\r"
	for i := range len(escaped) {
		if strings.IndexByte(s, escaped[i]) >= 0 {
			htmlEscapes.WriteString(b, s)
			return
		}
	}
	b.WriteString(s)
}

// keptAttrs appends to kept the attributes of an element named name that
// the policy keeps: those among allowed, with a URL allowedURL passes.
// A tokenizer reads a NUL in a value as U+FFFD.
func keptAttrs(name string, attrs []html.Attribute, allowed []string, kept []html.Attribute) []html.Attribute {
	for _, a := range attrs {
		if a.Namespace != "" || !slices.Contains(allowed, a.Key) {
			continue
		}
		a.Val = strings.ReplaceAll(a.Val, "\x00", "\ufffd")
		if a.Key == "href" && name == "a" || a.Key == "src" && name == "img" {
			u, ok := allowedURL(a.Val)
			if !ok {
				continue
			}
			a.Val = u
		}
		kept = append(kept, a)
	}
	return kept
}

// allowedURL returns ref as the policy writes it, and whether the policy
// keeps it: a URL without inner whitespace that net/url parses, relative
// or with a scheme of allowedSchemes.
func allowedURL(ref string) (string, bool) {
	ref = strings.TrimSpace(ref)
	if strings.ContainsAny(ref, " \t\n") {
		return "", false
	}
	u, err := url.Parse(ref)
	if err != nil {
		return "", false
	}
	if u.Scheme != "" && !slices.Contains(allowedSchemes[:], u.Scheme) {
		return "", false
	}
	s := u.String()
	return s, s != ""
}

// allowedElement returns the attributes the policy keeps on elements named
// name, and whether it keeps such elements at all.
func allowedElement(name string) ([]string, bool) {
	for _, a := range allowedAttrs {
		if slices.Contains(a.elements, name) {
			return a.attrs, true
		}
	}
	return nil, slices.Contains(allowedElements[:], name)
}

// needsAttrs reports whether the policy drops the tags of an element named
// name when none of its attributes is kept: a link without a target, an
// image without a source.
func needsAttrs(name string) bool { return name == "a" || name == "img" }

// skipsContent reports whether the policy drops, with the tags of an
// element named name, everything inside it: content a reader never sees.
func skipsContent(name string) bool {
	switch name {
	case "frame", "frameset", "iframe", "noembed", "noframes", "noscript",
		"nostyle", "object", "script", "style", "title":
		return true
	}
	return false
}

// isRawTextTag reports whether a tokenizer reads the content of an
// element named name as text, markup included.
func isRawTextTag(name string) bool {
	switch name {
	case "iframe", "noembed", "noframes", "noscript", "plaintext", "script",
		"style", "textarea", "title", "xmp":
		return true
	}
	return false
}

// isVoidTag reports whether html.Render writes an element named name as
// one self-closing tag.
func isVoidTag(name string) bool {
	switch name {
	case "area", "base", "br", "col", "embed", "hr", "img", "input",
		"keygen", "link", "meta", "param", "source", "track", "wbr":
		return true
	}
	return false
}

// plainTagName reports whether a tokenizer reads a tag written with name
// back as name: a lowercase ASCII letter first, and no uppercase letter,
// NUL, space, '/' or '>' after it.
func plainTagName(name string) bool {
	if name == "" || name[0] < 'a' || name[0] > 'z' {
		return false
	}
	for i := 1; i < len(name); i++ {
		switch c := name[i]; {
		case 'A' <= c && c <= 'Z', c == 0, c == '/', c == '>', isHTMLSpace(c):
			return false
		}
	}
	return true
}
