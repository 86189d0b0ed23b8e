package listing

import (
	"net"
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/publicsuffix"

	"github.com/refeed/refeed/feeds"
)

// page is a parsed listing page and what links on it are compared with.
type page struct {
	doc  *goquery.Document
	base *url.URL // <base href> resolved, else the page URL
	self string   // the page's own canonical URL, as docKey gives it
	site string   // registrable domain of the page ("alsumaria.tv")
}

func newPage(doc *goquery.Document, pageURL *url.URL) *page {
	p := &page{doc: doc, base: pageURL}
	if href, ok := doc.FindMatcher(goquery.Single("base[href]")).Attr("href"); ok {
		if b, err := pageURL.Parse(strings.TrimSpace(href)); err == nil && b.IsAbs() {
			p.base = b
		}
	}
	if c, err := feeds.CanonicalURL(pageURL.String(), ""); err == nil {
		p.self = docKey(c)
		if u, err := url.Parse(c); err == nil {
			p.site = siteOf(u.Hostname())
		}
	}
	return p
}

// siteOf returns the registrable domain of host ("www.alsumaria.tv" and
// "news.alsumaria.tv" both give "alsumaria.tv"); an IP address or a name
// without a public suffix stands for itself, less a leading "www.".
func siteOf(host string) string {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if net.ParseIP(host) != nil {
		return host
	}
	if site, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		return site
	}
	return strings.TrimPrefix(host, "www.")
}

// resolve turns an href into a canonical article URL, or "" when it is
// not an http(s) link to a page (a fragment, mailto:, an image, a PDF...).
func (p *page) resolve(href string) string {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") {
		return ""
	}
	u, err := p.base.Parse(href)
	if err != nil {
		return ""
	}
	c, err := feeds.CanonicalURL(u.String(), "")
	if err != nil {
		return ""
	}
	cu, err := url.Parse(c)
	if err != nil || isFile(cu.Path) {
		return ""
	}
	return c
}

// sameSite reports whether the canonical URL c is on the page's site.
func (p *page) sameSite(c string) bool {
	u, err := url.Parse(c)
	return err == nil && p.site != "" && siteOf(u.Hostname()) == p.site
}

// docKey reduces a canonical URL to what tells documents apart: no
// scheme, no leading "www.", so that an http link on an https page is
// still the page itself.
func docKey(c string) string {
	_, rest, _ := strings.Cut(c, "://")
	return strings.TrimPrefix(rest, "www.")
}

// isHome reports whether c is the page itself or a site's front page.
func (p *page) isHome(c string) bool {
	if docKey(c) == p.self {
		return true
	}
	u, err := url.Parse(c)
	if err != nil {
		return true
	}
	path := strings.ToLower(strings.TrimSuffix(u.Path, "/"))
	switch path {
	case "", "/index.php", "/index.html", "/index.htm", "/default.aspx", "/home":
		return u.RawQuery == ""
	}
	return false
}

// fileExts are extensions of links that are not web pages.
var fileExts = map[string]bool{
	"jpg": true, "jpeg": true, "png": true, "gif": true, "webp": true, "svg": true, "bmp": true, "ico": true, "avif": true,
	"pdf": true, "doc": true, "docx": true, "xls": true, "xlsx": true, "ppt": true, "pptx": true,
	"zip": true, "rar": true, "7z": true, "gz": true, "tar": true, "apk": true, "exe": true, "dmg": true,
	"mp3": true, "mp4": true, "m4a": true, "ogg": true, "wav": true, "webm": true, "avi": true, "mov": true, "mkv": true,
	"css": true, "js": true, "json": true, "xml": true, "rss": true, "atom": true, "txt": true,
}

// isFile reports whether path ends in the extension of a non-HTML file.
func isFile(path string) bool {
	last := path[strings.LastIndexByte(path, '/')+1:]
	dot := strings.LastIndexByte(last, '.')
	return dot >= 0 && fileExts[strings.ToLower(last[dot+1:])]
}

// text returns the text of n with white space collapsed; block elements
// and <br> separate words, inline ones do not.
func text(n *html.Node) string {
	return textUpTo(n, -1)
}

// textUpTo is text reading at most about limit bytes of n (all of it when
// limit is negative), for callers that only need a short prefix.
func textUpTo(n *html.Node, limit int) string {
	return textSkipping(n, limit, func(*html.Node) bool { return false })
}

// textSkipping is textUpTo leaving out the elements skip accepts.
func textSkipping(n *html.Node, limit int, skip func(*html.Node) bool) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if limit >= 0 && b.Len() > limit {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				return
			}
			if screenReaderOnly(n) || skip(n) {
				return
			}
			if !inline[n.DataAtom] {
				b.WriteByte(' ')
				defer b.WriteByte(' ')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// screenReaderOnly reports an element hidden from sight that repeats the
// headline for screen readers ("Continue reading <span
// class=screen-reader-text>Headline</span>"), or hidden outright.
func screenReaderOnly(n *html.Node) bool {
	if _, hidden := attrOK(n, "hidden"); hidden {
		return true
	}
	for _, c := range strings.Fields(strings.ToLower(attr(n, "class"))) {
		switch c {
		case "screen-reader-text", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-only", "hidden":
			return true
		}
	}
	return false
}

// inline are the elements that do not break words apart.
var inline = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.B: true, atom.Bdi: true, atom.Bdo: true, atom.Cite: true,
	atom.Em: true, atom.Font: true, atom.I: true, atom.Mark: true, atom.Q: true, atom.S: true,
	atom.Small: true, atom.Span: true, atom.Strong: true, atom.Sub: true, atom.Sup: true,
	atom.U: true, atom.Time: true,
}

// attr returns the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	v, _ := attrOK(n, key)
	return v
}

// attrOK returns the value of n's attribute key and whether n has it.
func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}
