package extract

import (
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxAncestors is how many levels above a paragraph receive its score.
const maxAncestors = 5

// scorer measures every element and scores the containers of paragraphs,
// in the spirit of Readability: a paragraph is worth one point, one per
// comma and one per hundred characters (at most three); its parent gets the
// full value, its grandparent half, older ancestors less. A chain of
// wrappers right above a paragraph, each holding the next alone (page
// builders wrap every paragraph so), counts as one level.
type scorer struct {
	stats         map[*html.Node]*stats
	slab          []stats // where new stats are taken from, a chunk at a time
	candidates    []*html.Node
	hints         *hints
	weightClasses bool
	skip          map[*html.Node]bool // chrome left out of this pass
	skipStrong    bool                // leave out elements with a strong chrome hint too
	comments      *commentSet         // the page's runs of readers' comments
	headline      *html.Node          // the page's headline (pageHeadline), or nil
}

// newScorer returns a scorer; size is about how many elements it will
// measure.
func newScorer(h *hints, weightClasses bool, skip map[*html.Node]bool, size int) *scorer {
	return &scorer{
		stats: make(map[*html.Node]*stats, size),
		slab:  make([]stats, 0, size),
		hints: h, weightClasses: weightClasses, skip: skip,
	}
}

// measure fills s.stats for n and everything below it, bottom-up, and
// scores each paragraph as soon as it is measured.
func (s *scorer) measure(n *html.Node) *stats {
	st := s.get(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			ch, co := measureText(c.Data)
			st.chars += ch
			st.commas += co
		case html.ElementNode:
			if s.skip[c] || s.skipStrong && s.hints.of(c).strong {
				continue
			}
			cs := s.measure(c)
			st.chars += cs.chars
			st.linkChars += cs.linkChars
			st.commas += cs.commas
			st.prose += cs.prose
			if cs.hasBlock || !isInlineNode(c) {
				st.hasBlock = true
			}
		}
	}
	if n.DataAtom == atom.A {
		st.linkChars = st.chars
	}
	if isScorable(n.DataAtom, st.hasBlock) {
		s.scoreParagraph(n, st)
	}
	return st
}

func (s *scorer) get(n *html.Node) *stats {
	st := s.stats[n]
	if st == nil {
		if len(s.slab) == cap(s.slab) {
			s.slab = make([]stats, 0, max(64, cap(s.slab)/2))
		}
		s.slab = append(s.slab, stats{})
		st = &s.slab[len(s.slab)-1]
		s.stats[n] = st
	}
	return st
}

// maxItemLinks is the link density above which a list item is not a
// paragraph: an item of prose links a word or two, a teaser its headline.
const maxItemLinks = 0.1

// scoreParagraph adds the value of paragraph p to its ancestors.
func (s *scorer) scoreParagraph(p *html.Node, st *stats) {
	if st.chars < 25 || st.linkChars*2 > st.chars {
		return
	}
	if p.DataAtom == atom.Li && float64(st.linkChars) > maxItemLinks*float64(st.chars) {
		return // a teaser: a linked headline and its summary
	}
	st.prose = st.chars
	value := 1 + float64(st.commas) + float64(min(st.chars/100, 3))
	level := 0
	for a := p.Parent; a != nil && a.Type == html.ElementNode && level < maxAncestors; a = a.Parent {
		as := s.get(a)
		if !as.candidate {
			as.candidate = true
			as.score = s.initialScore(a)
			s.candidates = append(s.candidates, a)
		}
		switch level {
		case 0:
			as.score += value
		case 1:
			as.score += value / 2
		default:
			as.score += value / float64(level*3)
		}
		if !(level == 1 && isWrapper(a) && isWrapper(firstElementChild(a))) {
			level++
		}
	}
}

// initialScore is a candidate's score before any paragraph counts: a hint
// from its tag and, when enabled, from its class and id.
func (s *scorer) initialScore(n *html.Node) float64 {
	var v float64
	switch n.DataAtom {
	case atom.Div, atom.Article, atom.Main:
		v = 5
	case atom.Pre, atom.Td, atom.Blockquote:
		v = 3
	case atom.Address, atom.Ol, atom.Ul, atom.Dl, atom.Dd, atom.Dt, atom.Li, atom.Form:
		v = -3
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Th:
		v = -5
	}
	if isArticleBody(n) {
		v += 25
	}
	return v + float64(s.classWeight(n))
}

// isArticleBody reports whether schema.org microdata names n the article
// body.
func isArticleBody(n *html.Node) bool {
	p := getAttr(n, "itemprop")
	return p != "" && strings.Contains(strings.ToLower(p), "articlebody")
}

func (s *scorer) classWeight(n *html.Node) int {
	if !s.weightClasses {
		return 0
	}
	return s.hints.of(n).weight
}

// final is a candidate's score discounted by its link density; a box
// titled as chrome ("Comments", "ذات صلة") is no candidate at all.
func (s *scorer) final(n *html.Node) float64 {
	st := s.stats[n]
	if !st.checked {
		st.checked = true
		st.chrome = s.titledChrome(n)
	}
	if st.chrome {
		return 0
	}
	return st.score * (1 - st.linkDensity())
}

// maxTitleChars bounds the text of a box title.
const maxTitleChars = 40

// titledChrome reports whether n, or the heading just before it, titles n
// as chrome: its first element child or its previous element sibling is a
// short "Comments", "Related", "الأكثر قراءة" …
func (s *scorer) titledChrome(n *html.Node) bool {
	first := n.FirstChild
	for first != nil && first.Type != html.ElementNode {
		first = first.NextSibling
	}
	if first != nil && isTitleTag(first.DataAtom) && s.isChromeTitleNode(first) {
		return true
	}
	prev := n.PrevSibling
	for prev != nil && prev.Type != html.ElementNode {
		prev = prev.PrevSibling
	}
	return prev != nil && isHeading(prev.DataAtom) && s.isChromeTitleNode(prev)
}

func (s *scorer) isChromeTitleNode(n *html.Node) bool {
	st := s.stats[n]
	if st == nil || st.chars > maxTitleChars || st.chars == 0 {
		return false
	}
	return isChromeTitle(nodeText(n))
}

// ranked returns the candidates by final score, best first; candidates
// with equal scores keep the order they were found in.
func (s *scorer) ranked() []*html.Node {
	// Each final score is taken once, not once per comparison.
	type scored struct {
		n     *html.Node
		final float64
	}
	all := make([]scored, len(s.candidates))
	for i, n := range s.candidates {
		all[i] = scored{n, s.final(n)}
	}
	slices.SortStableFunc(all, func(a, b scored) int {
		switch {
		case a.final > b.final:
			return -1
		case a.final < b.final:
			return 1
		}
		return 0
	})
	ranked := make([]*html.Node, len(all))
	for i, c := range all {
		ranked[i] = c.n
	}
	return ranked
}

// top picks the element that holds the article, or nil.
func (s *scorer) top(body *html.Node) *html.Node {
	if len(s.candidates) == 0 {
		if st := s.stats[body]; st != nil && st.chars > 0 && s.skip != nil {
			return body // a page of short lines: all of it is the article
		}
		return nil
	}
	ranked := s.ranked()
	// A thread of readers' comments outscores a short story; its reply
	// links give it away, whatever its class names.
	for len(ranked) > 1 && isThread(ranked[0], s.comments) {
		ranked = ranked[1:]
	}
	best := ranked[0]
	if best.DataAtom == atom.Html {
		best = body // the rest of <html> is its <head>: scripts, styles
	}
	if best == body {
		return best
	}
	best = s.nearHeadline(body, best, ranked[1:min(len(ranked), 6)])
	best = s.sharedAncestor(best, ranked[1:min(len(ranked), 5)])
	best = s.climb(best, body)
	for best.Parent != nil && best.Parent != body && s.onlyElementChild(best) {
		best = best.Parent
	}
	best = s.clusterClimb(best, body)
	return best
}

// A short story loses on score to a longer box of the page (the site's
// "about" blurb, a promo, teasers with summaries); what gives it away is
// that it comes right after the headline. A pick with less than
// maxNearHeadlineProse characters of prose gives way to the first of the
// runners-up, holding minNearHeadlineProse or more, that comes after the
// page's headline (its first <h1>, or on a page laid out without one the
// element that shows its title: pageHeadline), unless little text
// (minPartsApart) lies between the two: then they are parts of one
// story, which the later steps join. A brief
// of two paragraphs (evaluate.Brief) loses so to boxes of up to a page of
// prose: a promo of five paragraphs, a disclaimer of three.
const (
	maxNearHeadlineProse = 1500
	minNearHeadlineProse = 150
	minPartsApart        = 300
)

// nearHeadline returns best, or the runner-up that comes first after the
// page's headline when best is short (see maxNearHeadlineProse).
func (s *scorer) nearHeadline(body, best *html.Node, runners []*html.Node) *html.Node {
	if s.stats[best].prose >= maxNearHeadlineProse {
		return best
	}
	headline := s.headline
	if headline == nil || contains(best, headline) {
		return best
	}
	choices := map[*html.Node]bool{best: true}
	for _, r := range runners {
		if s.stats[r].prose >= minNearHeadlineProse && !contains(r, headline) && !contains(r, best) &&
			!contains(best, r) && !isThread(r, s.comments) {
			choices[r] = true
		}
	}
	if len(choices) == 1 {
		return best
	}
	first := firstAfter(body, headline, choices)
	if first == nil || first == best {
		return best
	}
	// A pick above the headline is no part of the story under it.
	above := firstAfter(body, headline, map[*html.Node]bool{best: true}) == nil
	if !above && textBetween(body, first, best) < minPartsApart {
		return best
	}
	return first
}

// firstAfter returns the first of nodes that comes after mark in the
// document under root, or nil when none does.
func firstAfter(root, mark *html.Node, nodes map[*html.Node]bool) *html.Node {
	return firstMatchAfter(root, mark, func(n *html.Node) bool { return nodes[n] })
}

// firstMatchAfter returns the first element, mark or after it in the
// document under root, that match accepts, or nil when none does.
func firstMatchAfter(root, mark *html.Node, match func(*html.Node) bool) *html.Node {
	seen := false
	var first *html.Node
	walkElementsUntil(root, func(n *html.Node) bool {
		if n == mark {
			seen = true
		}
		if seen && match(n) {
			first = n
			return true
		}
		return false
	})
	return first
}

// textBetween is the length of the text that lies after a ends and before
// b starts, in document order under root; a must come first.
func textBetween(root, a, b *html.Node) int {
	chars, inside := 0, false
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c == b:
				return true
			case c == a:
				inside = true
			case c.Type == html.TextNode:
				if inside {
					t, _ := measureText(c.Data)
					chars += t
				}
			case c.Type == html.ElementNode && walk(c):
				return true
			}
		}
		return false
	}
	walk(root)
	return chars
}

// sharedAncestor moves up from best when several close runners-up live
// under one ancestor: the article is split into sibling blocks.
func (s *scorer) sharedAncestor(best *html.Node, runners []*html.Node) *html.Node {
	threshold := s.final(best) * 0.75
	var alts []*html.Node
	for _, r := range runners {
		if s.final(r) >= threshold {
			alts = append(alts, r)
		}
	}
	if len(alts) < 3 {
		return best
	}
	for a := best.Parent; a != nil && a.DataAtom != atom.Body; a = a.Parent {
		n := 0
		for _, r := range alts {
			if contains(a, r) {
				n++
			}
		}
		if n >= 3 {
			if isThread(a, s.comments) && !isThread(best, s.comments) {
				return best // the runners-up are readers' comments
			}
			return a
		}
	}
	return best
}

// climb moves up while a parent scores better than its child.
func (s *scorer) climb(best, body *html.Node) *html.Node {
	last := s.final(best)
	threshold := last / 3
	for p := best.Parent; p != nil && p != body; p = p.Parent {
		ps := s.stats[p]
		if ps == nil || !ps.candidate {
			continue
		}
		f := s.final(p)
		if f < threshold {
			break
		}
		if f > last {
			if isThread(p, s.comments) && !isThread(best, s.comments) {
				return best // a story does not climb into its comments
			}
			return p
		}
		last = f
	}
	return best
}

// onlyElementChild reports whether n is the only element child of its
// parent that this pass looks at.
func (s *scorer) onlyElementChild(n *html.Node) bool {
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c != n && c.Type == html.ElementNode && !s.skip[c] {
			return false
		}
	}
	return true
}

// Paragraph clustering: an article split into sections whose paragraphs
// sit deeper than maxAncestors below the common parent wins with one
// section only. When the pick holds a small share of the page's prose, it
// climbs to the ancestors whose added prose comes from siblings built like
// the path it came up (same tag and class: the other sections of the same
// template), as long as the ancestor stays mostly prose with few links.
const (
	minProseShare   = 0.5 // a pick with less of the page's prose is doubted
	minProseGrowth  = 1.3 // an ancestor must add this much prose …
	minSameShare    = 0.7 // … most of it in siblings like the path …
	minProseDensity = 0.5 // … and be mostly prose itself
	maxClusterLinks = 0.3 // … with few links
)

// clusterClimb returns best, or the highest ancestor below body that adds
// prose to it in sections built like it.
func (s *scorer) clusterClimb(best, body *html.Node) *html.Node {
	total := s.stats[body]
	st := s.stats[best]
	if total == nil || st == nil || float64(st.prose) >= minProseShare*float64(total.prose) {
		return best
	}
	cur := best
	for c, p := best, best.Parent; p != nil && p != body; c, p = p, p.Parent {
		ps := s.stats[p]
		if ps == nil || isListTag(p.DataAtom) {
			break // list items are entries, not sections of one text
		}
		cs := s.stats[c]
		added := ps.prose - cs.prose
		if added <= 0 {
			continue
		}
		if float64(ps.prose) < minProseDensity*float64(ps.chars) || ps.linkDensity() > maxClusterLinks {
			break
		}
		if float64(s.sameProse(p, c)) < minSameShare*float64(added) {
			break
		}
		if float64(ps.prose) >= minProseGrowth*float64(s.stats[cur].prose) {
			cur = p
		}
	}
	return cur
}

// sameProse is the prose of the children of p other than c that have c's
// tag and class.
func (s *scorer) sameProse(p, c *html.Node) int {
	class := getAttr(c, "class")
	n := 0
	for x := p.FirstChild; x != nil; x = x.NextSibling {
		if x == c || x.Type != html.ElementNode || x.DataAtom != c.DataAtom || getAttr(x, "class") != class {
			continue
		}
		if xs := s.stats[x]; xs != nil {
			n += xs.prose
		}
	}
	return n
}

func isListTag(a atom.Atom) bool {
	switch a {
	case atom.Ul, atom.Ol, atom.Li, atom.Dl, atom.Dd, atom.Dt, atom.Table, atom.Tbody, atom.Tr:
		return true
	}
	return false
}
