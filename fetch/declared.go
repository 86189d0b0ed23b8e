package fetch

import (
	"bytes"
	"mime"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// xmlDeclEncoding matches the encoding pseudo-attribute of a leading XML
// declaration. Group 1 is the attribute with its value, group 2 the value.
var xmlDeclEncoding = regexp.MustCompile(`^\s*<\?xml\s[^>]*?(encoding\s*=\s*["']([A-Za-z0-9._:-]+)["'])`)

// metaScanLimit is how far <meta> is looked for. The WHATWG prescan stops at
// 1024 bytes, but a browser that meets a later <meta charset> while parsing
// re-decodes the page with it, so pages with long heads still work there.
const metaScanLimit = 64 << 10

// declaredCharset returns the charset a document declares about itself. An
// XML document is read by its XML declaration only: a <meta> quoted inside a
// CDATA section of a feed is not a declaration. An HTML document is read by
// the WHATWG prescan of <meta> elements, then by an XML declaration (XHTML).
func declaredCharset(body []byte) (encoding.Encoding, string) {
	head := body[:min(len(body), prescanLimit)]
	if !looksXML(head) {
		if e, name := prescanMeta(body[:min(len(body), metaScanLimit)]); e != nil {
			return e, name
		}
	}
	m := xmlDeclEncoding.FindSubmatch(head)
	if m == nil {
		return nil, ""
	}
	e, name := lookup(string(m[2]))
	if isUTF16(name) {
		// Without a BOM the bytes we just matched were ASCII, so the
		// declaration is wrong; UTF-8 is the only reading that fits.
		return unicode.UTF8, "utf-8"
	}
	return e, name
}

// looksXML reports whether a document is XML rather than HTML: it opens with
// an XML declaration or a feed's root element and mentions no <html.
func looksXML(head []byte) bool {
	s := bytes.TrimLeft(head, " \t\r\n")
	for _, p := range []string{"<?xml", "<rss", "<feed", "<rdf:RDF"} {
		if bytes.HasPrefix(s, []byte(p)) {
			return !bytes.Contains(bytes.ToLower(head), []byte("<html"))
		}
	}
	return false
}

// prescanMeta finds <meta charset> or <meta http-equiv=content-type
// content="...charset=..."> in head, as the WHATWG prescan does.
func prescanMeta(head []byte) (encoding.Encoding, string) {
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return nil, ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if atom.Lookup(name) != atom.Meta || !hasAttr {
				continue
			}
			if e, n := metaCharset(z); e != nil {
				return e, n
			}
		}
	}
}

// metaCharset reads the attributes of one <meta> tag.
func metaCharset(z *html.Tokenizer) (encoding.Encoding, string) {
	var label, content string
	var httpEquiv bool
	for more := true; more; {
		var key, val []byte
		key, val, more = z.TagAttr()
		switch string(key) {
		case "charset":
			label = string(val)
		case "http-equiv":
			httpEquiv = strings.EqualFold(strings.TrimSpace(string(val)), "content-type")
		case "content":
			content = string(val)
		}
	}
	if label == "" && httpEquiv {
		label = charsetFromContent(content)
	}
	e, name := lookup(label)
	switch {
	case e == nil:
		return nil, ""
	case isUTF16(name):
		return unicode.UTF8, "utf-8"
	case name == "x-user-defined":
		return lookup("windows-1252")
	}
	return e, name
}

func charsetFromContent(content string) string {
	if _, params, err := mime.ParseMediaType(content); err == nil {
		return params["charset"]
	}
	return headerCharset(content)
}

func isUTF16(name string) bool { return strings.HasPrefix(name, "utf-16") }

// rewriteXMLDecl changes the encoding of a leading XML declaration to UTF-8
// (the text has been decoded), copying text only when it has to.
func rewriteXMLDecl(text []byte) []byte {
	loc := xmlDeclEncoding.FindSubmatchIndex(text[:min(len(text), prescanLimit)])
	if loc == nil || strings.EqualFold(string(text[loc[4]:loc[5]]), "utf-8") {
		return text
	}
	const utf8Attr = `encoding="UTF-8"`
	out := make([]byte, 0, len(text)-(loc[3]-loc[2])+len(utf8Attr))
	out = append(out, text[:loc[2]]...)
	out = append(out, utf8Attr...)
	return append(out, text[loc[3]:]...)
}
