package listing

import (
	"fmt"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Rule tells Find where a site's article links are, for pages the
// heuristics get wrong. Build it with CompileRule; a Rule is not modified
// by Find and is safe to share between goroutines.
type Rule struct {
	// Links is a CSS selector of the article links: a elements, or
	// containers (a teaser, a list item) whose first a[href] is taken.
	Links string
	// Title is an optional CSS selector of the headline, matched inside
	// each element Links selects (inside the link's teaser when Links
	// selects a elements). Empty finds the headline as the heuristics do.
	Title string

	links, title goquery.Matcher
}

// CompileRule checks and compiles a site rule's selectors; an invalid
// selector is an error naming it. links is required.
func CompileRule(links, title string) (*Rule, error) {
	if links == "" {
		return nil, fmt.Errorf("listing: rule without a links selector")
	}
	r := &Rule{Links: links, Title: title}
	var err error
	if r.links, err = cascadia.Compile(links); err != nil {
		return nil, fmt.Errorf("listing: rule links selector %q: %w", links, err)
	}
	if title != "" {
		if r.title, err = cascadia.Compile(title); err != nil {
			return nil, fmt.Errorf("listing: rule title selector %q: %w", title, err)
		}
	}
	return r, nil
}

// matchers returns the rule's compiled selectors, compiling them when the
// rule was built as a literal rather than by CompileRule.
func (r *Rule) matchers() (links, title goquery.Matcher, err error) {
	if r.links != nil {
		return r.links, r.title, nil
	}
	c, err := CompileRule(r.Links, r.Title)
	if err != nil {
		return nil, nil, err
	}
	return c.links, c.title, nil
}

// ruleLinks returns the links the rule selects, in page order. The site
// check and URL shapes are skipped (the rule is the site owner's word),
// but the link must lead to a web page and have a title.
func (p *page) ruleLinks(r *Rule) ([]Link, error) {
	linksSel, titleSel, err := r.matchers()
	if err != nil {
		return nil, err
	}
	type match struct {
		anchor
		box *html.Node // the element Links selected
	}
	var ms []match
	p.doc.FindMatcher(linksSel).Each(func(_ int, s *goquery.Selection) {
		box := s.Get(0)
		a := box
		if a.DataAtom != atom.A || attr(a, "href") == "" {
			first := s.FindMatcher(goquery.Single("a[href]"))
			if first.Length() == 0 {
				return
			}
			a = first.Get(0)
		}
		if u := p.resolve(attr(a, "href")); u != "" && !p.isHome(u) {
			ms = append(ms, match{anchor{node: a, url: u}, box})
		}
	})
	all := make([]anchor, len(ms))
	for i, m := range ms {
		all[i] = m.anchor
	}
	o := addOwners(all)
	var links []Link
	for _, m := range ms {
		card := m.box
		if card == m.node {
			card = o.card(m.anchor)
		}
		t := ruleTitle(m.node, card, titleSel)
		if t == "" {
			continue
		}
		l := Link{URL: m.url, Title: t, Image: p.image(m.node, card)}
		l.Published, l.zoned = published(m.node, card)
		links = append(links, l)
	}
	return links, nil
}

// ruleTitle is the text of the rule's title selector in card, else the
// headline found as without a rule.
func ruleTitle(a, card *html.Node, sel goquery.Matcher) string {
	if sel != nil {
		if n := cascadia.Query(card, sel); n != nil {
			if t := text(n); t != "" {
				return t
			}
		}
	}
	return title(a, card, func(t string) bool { return t != "" })
}
