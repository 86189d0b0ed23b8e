package extract

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// nextWords are link texts, normalised (see normalizePhrase), that mean
// "the next page of this article" in Arabic, English, French and German.
// Arrows and other punctuation around them are dropped by normalising.
var nextWords = map[string]bool{
	"الصفحه التاليه": true, "الصفحه القادمه": true, "التالي": true, "التاليه": true,
	"next": true, "next page": true, "page suivante": true, "suivant": true,
	"suivante": true, "nachste seite": true, "nächste seite": true, "weiter": true,
	"nächste": true, "nachste": true,
}

// pageWords name a numbered page in a link text ("Seite 2", "صفحة 2").
var pageWords = map[string]bool{"page": true, "seite": true, "pagina": true, "صفحه": true, "الصفحه": true}

// insertedPage matches what a page URL gains to become its page N: a
// separator, an optional page parameter or word, and the number
// ("/2", "-2", "?page=2", "&p=2", "/page/2/", "_seite2").
var insertedPage = regexp.MustCompile(`^[/\-_.,?&;]?(?:(?:page|p|pg|paged|pagenum|seite|pagina|part)[=/\-_]?)?(\d{1,3})/?$`)

// pageMarker ends the part of a URL before an explicit first page number
// ("?page=1", "/seite/1"): without it, a 1 in a first page's URL is more
// likely an id than a page number.
var pageMarker = regexp.MustCompile(`(?:page|p|pg|paged|pagenum|seite|pagina|part)[=/\-_]?$`)

// Bounds of the search "right under" the article: how many ancestors of
// the content are climbed, and how many elements after each are looked in.
const (
	pagerClimb    = 3
	pagerSiblings = 3
)

// findNextPage returns the URL of the article's next page when the page
// links one, "" otherwise. page is which page of the story this is. It
// looks, in this order of trust, for a link marked rel=next, a link whose
// words say "next page", and a link of a numbered pager, in the content
// or right under it; then for a <link rel=next> in the head. Every link
// must stay on the page's host. A numbered or head link must address page
// page+1 of this very URL (see isPageStep); a rel=next or worded link may
// also extend this URL's path or change its query, which a "next article"
// link in the same folder does not.
func findNextPage(root *html.Node, content []*html.Node, pageURL *url.URL, page int) string {
	if pageURL == nil {
		return ""
	}
	var worded, numbered string
	for _, a := range pagerLinks(content) {
		u := pageLink(getAttr(a, "href"), pageURL)
		if u == nil || !sameSite(u, pageURL) {
			continue
		}
		step := isPageStep(pageURL, u, page)
		switch {
		case hasRelNext(a) && (step || extendsURL(pageURL, u)):
			return u.String()
		case worded == "" && (step || extendsURL(pageURL, u)) && isNextText(nodeText(a), page):
			// The URL is tested before the link text, which costs more.
			worded = u.String()
		case numbered == "" && step:
			numbered = u.String()
		}
	}
	if worded != "" {
		return worded
	}
	if numbered != "" {
		return numbered
	}
	if head := findElement(root, atom.Head); head != nil {
		for _, l := range elements(head, atom.Link) {
			if !hasRelNext(l) {
				continue
			}
			if u := pageLink(getAttr(l, "href"), pageURL); u != nil && sameSite(u, pageURL) && isPageStep(pageURL, u, page) {
				return u.String()
			}
		}
	}
	return ""
}

// pagerLinks returns the links in the content nodes and in the few
// elements that follow the content and its nearest ancestors.
func pagerLinks(content []*html.Node) []*html.Node {
	if len(content) == 0 {
		return nil
	}
	var out []*html.Node
	for _, n := range content {
		out = append(out, elements(n, atom.A)...)
	}
	n := content[len(content)-1]
	for range pagerClimb {
		taken := 0
		for s := n.NextSibling; s != nil && taken < pagerSiblings; s = s.NextSibling {
			if s.Type == html.ElementNode {
				out = append(out, elements(s, atom.A)...)
				taken++
			}
		}
		if n.Parent == nil || n.Parent.DataAtom == atom.Body {
			break
		}
		n = n.Parent
	}
	return out
}

// elements returns n and its descendants with tag a, in document order.
func elements(n *html.Node, a atom.Atom) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == a {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func hasRelNext(n *html.Node) bool {
	rel := getAttr(n, "rel")
	if rel == "" {
		return false
	}
	for _, v := range strings.Fields(strings.ToLower(rel)) {
		if v == "next" {
			return true
		}
	}
	return false
}

// isNextText reports whether a link text says "next page", or names page
// page+1 ("Seite 2").
func isNextText(text string, page int) bool {
	norm := normalizePhrase(text)
	if nextWords[norm] {
		return true
	}
	word, num, ok := strings.Cut(norm, " ")
	return ok && pageWords[word] && digitsValue(num) == page+1
}

// digitsValue reads a number in any script's decimal digits; -1 when s is
// not one.
func digitsValue(s string) int {
	if s == "" || len(s) > 12 {
		return -1
	}
	n := 0
	for _, r := range s {
		v := digitOf(r)
		if v < 0 {
			return -1
		}
		n = n*10 + v
	}
	return n
}

// digitOf is the value of a decimal digit of any script, or -1.
func digitOf(r rune) int {
	if !unicode.IsDigit(r) {
		return -1
	}
	// Decimal digits come in runs of ten, zero first, in every script
	// (a few runs of mathematical digits follow each other; they read as 9).
	z := r
	for z > r-9 && unicode.IsDigit(z-1) {
		z--
	}
	return int(r - z)
}

// sameSite reports whether u is on the page's host; a "www." prefix does
// not count.
func sameSite(u, page *url.URL) bool {
	strip := func(h string) string { return strings.TrimPrefix(strings.ToLower(h), "www.") }
	return strip(u.Hostname()) == strip(page.Hostname())
}

// pathAndQuery is the part of a URL that tells its pages apart.
func pathAndQuery(u *url.URL) string {
	s := u.EscapedPath()
	if u.RawQuery != "" {
		s += "?" + u.RawQuery
	}
	return s
}

// isPageStep reports whether next addresses page page+1 of the article at
// cur: the same URL with its page number one higher ("?page=2" to
// "?page=3"), or, from the first page, with a page number added ("/story"
// to "/story/2", "/story?page=2").
func isPageStep(cur, next *url.URL, page int) bool {
	if !sameSite(cur, next) {
		return false
	}
	p, n := pathAndQuery(cur), pathAndQuery(next)
	at, pm, nm := differing(p, n)
	switch {
	case pm == "":
		m := insertedPage.FindStringSubmatch(strings.ToLower(nm))
		if m == nil {
			return false
		}
		v, _ := strconv.Atoi(m[1])
		return page == 1 && v == 2
	case isASCIIDigits(pm) && isASCIIDigits(nm):
		pv, _ := strconv.Atoi(pm)
		nv, _ := strconv.Atoi(nm)
		if page == 1 && !pageMarker.MatchString(strings.ToLower(p[:at])) {
			return false
		}
		return pv == page && nv == page+1
	}
	return false
}

// differing returns the parts of a and b left when their common prefix
// and suffix are cut, widened to whole runs of digits so that "/12" and
// "/13" differ by "12" and "13", not "2" and "3", and where they start.
func differing(a, b string) (int, string, string) {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	if (i < len(a) && isASCIIDigit(a[i])) || (i < len(b) && isASCIIDigit(b[i])) {
		for i > 0 && isASCIIDigit(a[i-1]) {
			i--
		}
	}
	j := 0
	for j < len(a)-i && j < len(b)-i && a[len(a)-1-j] == b[len(b)-1-j] {
		j++
	}
	if (j < len(a)-i && isASCIIDigit(a[len(a)-1-j])) || (j < len(b)-i && isASCIIDigit(b[len(b)-1-j])) {
		for j > 0 && isASCIIDigit(a[len(a)-j]) {
			j--
		}
	}
	return i, a[i : len(a)-j], b[i : len(b)-j]
}

func isASCIIDigits(s string) bool {
	if s == "" || len(s) > 4 {
		return false
	}
	for i := range len(s) {
		if !isASCIIDigit(s[i]) {
			return false
		}
	}
	return true
}

// extendsURL reports whether next continues the page's own URL: the same
// path with another query, or the path (without its extension) with more
// after it. A sibling in the same folder (the next article) does not.
func extendsURL(cur, next *url.URL) bool {
	cp, np := strings.TrimSuffix(cur.EscapedPath(), "/"), next.EscapedPath()
	if np == cur.EscapedPath() || np == cp {
		return next.RawQuery != cur.RawQuery
	}
	if dot := strings.LastIndexByte(cp, '.'); dot > strings.LastIndexByte(cp, '/') {
		cp = cp[:dot]
	}
	return cp != "" && len(np) > len(cp) && strings.HasPrefix(np, cp) && strings.ContainsRune("/-_.,", rune(np[len(cp)]))
}
