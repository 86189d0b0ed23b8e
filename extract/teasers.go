package extract

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A box lists other stories when at least minTeasers of its children, and
// two thirds of those that hold text, are teasers: a linked headline with
// at most maxTeaserSummary characters of summary, date or label beside it.
// Such a river of teasers under a story is page chrome even without a
// title ("More news") or a class name saying so, and its summaries are not
// the page's prose.
const (
	minTeasers       = 4
	maxTeaserSummary = 350
	maxTeaserNodes   = 200
	maxTeaserLead    = 60
)

// teaserList reports whether box n lists other stories (see minTeasers).
// site, when not nil, is the page's URL: a teaser then links within
// the site, as a list of the site's own stories does, not out of it, as
// a list of recommended products or reading does.
func teaserList(n *html.Node, site *url.URL) bool {
	elements := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			elements++
		}
	}
	if elements < minTeasers {
		return false // most boxes: a wrapper around one or two blocks
	}
	teasers, withText := 0, 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		elements--
		teaser, text := isTeaser(c, site)
		if text {
			withText++
		}
		if teaser {
			teasers++
		} else if text && (teasers == 0 && withText >= 2 || teasers+elements < minTeasers || 3*(teasers+elements) < 2*(withText+elements)) {
			return false // too many children that are not teasers
		}
	}
	return teasers >= minTeasers && 3*teasers >= 2*withText
}

// isTeaser reports whether n is a teaser: its first heading (h2 to h6) is
// all link text, linking to another page, and the rest of its text is
// short. text reports whether n holds any text at all.
func isTeaser(n *html.Node, site *url.URL) (teaser, text bool) {
	var heading *html.Node
	headingChars, headingLinked, other, nodes := 0, 0, 0, 0
	var walk func(n *html.Node, link *html.Node, inHeading bool) bool
	walk = func(n *html.Node, link *html.Node, inHeading bool) bool {
		if nodes++; nodes > maxTeaserNodes {
			return false
		}
		switch n.Type {
		case html.TextNode:
			c, _ := measureText(n.Data)
			switch {
			case inHeading:
				headingChars += c
				if link != nil && linksElsewhere(link, site) {
					headingLinked += c
				}
			default:
				other += c
			}
			// A teaser opens with its headline, after a label or a
			// date at most.
			return other <= maxTeaserSummary && (heading != nil || other <= maxTeaserLead)
		case html.ElementNode:
			switch {
			case n.DataAtom == atom.A:
				link = n
			case heading == nil && isHeading(n.DataAtom) && n.DataAtom != atom.H1:
				heading, inHeading = n, true
			case isHeading(n.DataAtom) && !inHeading:
				return false // a second headline: a section, not a teaser
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !walk(c, link, inHeading) {
				return false
			}
		}
		return true
	}
	ok := walk(n, nil, false)
	text = headingChars+other > 0
	return ok && heading != nil && headingChars >= 10 && headingLinked*10 >= headingChars*9, text
}

// linksElsewhere reports whether link a leads to another page, not to a
// place on this one; on site's host, when site is not nil.
func linksElsewhere(a *html.Node, site *url.URL) bool {
	href := strings.TrimSpace(getAttr(a, "href"))
	if href == "" || strings.HasPrefix(href, "#") || strings.HasPrefix(strings.ToLower(href), "javascript:") {
		return false
	}
	if site == nil {
		return true
	}
	u, err := url.Parse(href)
	return err == nil && (u.Host == "" || sameSite(u, site))
}

// setAsideTeaserRivers marks as titled chrome the lists of the site's
// teasers under body, when the page's headline (its first h1) is outside
// them all: a story page with rivers of other stories around it. A page
// whose headline sits in such a list, or that has none, is a section
// front, whose lists are its content. Only an <h1> counts here, not a
// title shown without one (pageHeadline): a section front shows its own
// name so too.
func setAsideTeaserRivers(body *html.Node, site *url.URL, titled map[*html.Node]bool) {
	h1 := findElement(body, atom.H1)
	if h1 == nil {
		return
	}
	var lists []*html.Node
	var walk func(n *html.Node) bool // false once a list holds the headline
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type != html.ElementNode:
			case isBoxTag(c.DataAtom) && teaserList(c, site):
				if contains(c, h1) {
					return false
				}
				lists = append(lists, c)
			case !walk(c):
				return false
			}
		}
		return true
	}
	if !walk(body) {
		return // a section front
	}
	for _, n := range lists {
		titled[n] = true
	}
}
