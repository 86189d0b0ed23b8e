package listing

import (
	"unicode/utf8"

	"github.com/refeed/refeed/internal/textkit"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// candidate is a link that may be an article, with what was found about it.
type candidate struct {
	anchor
	shape shape
	card  *html.Node
	title string
}

// heuristicLinks finds the article links of a page without a site rule.
func (p *page) heuristicLinks() []Link {
	cands := p.candidates()
	var articles []anchor
	for _, c := range cands {
		if c.shape.article {
			articles = append(articles, c.anchor)
		}
	}
	var o owners
	if len(articles) > 0 {
		o = addOwners(articles)
	} else {
		o = addOwners(anchorsOf(cands))
	}
	titled := cands[:0]
	for _, c := range cands {
		c.card = o.card(c.anchor)
		if c.title = title(c.node, c.card, isHeadline); c.title != "" {
			titled = append(titled, c)
		}
	}
	keep := dominantShapes(titled)
	var links []Link
	for _, c := range titled {
		if keep[c.shape.template] {
			links = append(links, p.link(c))
		}
	}
	return links
}

// candidates returns the page's links that may lead to articles: on the
// page's site, outside page chrome, not the front page, not a tag,
// category, author or search page.
func (p *page) candidates() []candidate {
	var out []candidate
	for _, a := range p.anchors() {
		if a.url == "" || a.chrome || !p.sameSite(a.url) || p.isHome(a.url) {
			continue
		}
		sh := urlShape(a.url)
		if sh.listing || inProse(a.node) {
			continue
		}
		out = append(out, candidate{anchor: a, shape: sh})
	}
	return out
}

// inProse reports a link inside running text: a paragraph whose text is
// more than twice the link's. Listings put headlines in headings and list
// items; a link in a sentence cites something (and on an article page
// would be taken for a headline).
func inProse(a *html.Node) bool {
	n := a.Parent
	for range 3 {
		if n == nil || n.Type != html.ElementNode {
			return false
		}
		if n.DataAtom == atom.P {
			return utf8.RuneCountInString(textUpTo(n, maxProse)) > 2*utf8.RuneCountInString(text(a))
		}
		n = n.Parent
	}
	return false
}

// maxProse bounds the bytes of a paragraph read by inProse.
const maxProse = 2000

func anchorsOf(cs []candidate) []anchor {
	out := make([]anchor, len(cs))
	for i, c := range cs {
		out[i] = c.anchor
	}
	return out
}

// isHeadline reports whether t is long enough to be a headline rather than
// a menu label ("أخبار العراق", "Read more"): four words, or three making
// at least 15 characters. Arabic counts by words like any other script;
// Chinese, Japanese and Thai letter by letter (textkit.CountWords).
func isHeadline(t string) bool {
	n := textkit.CountWords(t, -1)
	return n >= 4 || n == 3 && utf8.RuneCountInString(t) >= 15
}

// minShapeLinks is how many distinct URLs a URL shape needs to be kept
// beside the dominant one, unless it has half as many as the dominant.
const minShapeLinks = 3

// dominantShapes picks the URL templates whose links are kept: the
// article-like template with the most distinct URLs, and any other
// article-like one with at least half as many or minShapeLinks. A page
// without article-like URLs keeps its largest template if it has
// minShapeLinks URLs.
func dominantShapes(cs []candidate) map[string]bool {
	article, other := map[string]map[string]bool{}, map[string]map[string]bool{}
	for _, c := range cs {
		m := other
		if c.shape.article {
			m = article
		}
		if m[c.shape.template] == nil {
			m[c.shape.template] = map[string]bool{}
		}
		m[c.shape.template][c.url] = true
	}
	keep := map[string]bool{}
	if len(article) == 0 {
		if tpl, n := largest(other); n >= minShapeLinks {
			keep[tpl] = true
		}
		return keep
	}
	_, top := largest(article)
	for tpl, urls := range article {
		if n := len(urls); 2*n >= top || n >= minShapeLinks {
			keep[tpl] = true
		}
	}
	return keep
}

// largest returns the template with the most URLs (the first in sort
// order on a tie, so the result does not depend on map order).
func largest(m map[string]map[string]bool) (string, int) {
	best, n := "", 0
	for tpl, urls := range m {
		if len(urls) > n || len(urls) == n && tpl < best {
			best, n = tpl, len(urls)
		}
	}
	return best, n
}

// link builds the Link of a candidate.
func (p *page) link(c candidate) Link {
	l := Link{URL: c.url, Title: c.title, Image: p.image(c.node, c.card)}
	l.Published, l.zoned = published(c.node, c.card)
	return l
}
