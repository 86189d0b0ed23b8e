package extract

import (
	"fmt"
	"maps"
	"math"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/refeed/refeed/internal/textkit"
)

// passFlags say how aggressive one heuristic pass is.
type passFlags struct {
	strip       bool // leave out what the preparer marked as chrome
	titled      bool // … including boxes marked by their title only
	weight      bool // let class and id hints weigh on candidate scores
	conditional bool // drop link lists, galleries and the like from the content
}

// passes are tried in order until one finds enough text, as Readability
// does: a page whose article wrapper carries a chrome-like class name
// ("content-with-sidebar") or opens with a chrome-like title still yields
// its article on a later pass. Those passes question class names, not
// the page's own <footer> (pageFooters), which every pass leaves out. The
// document is prepared once; each pass scores it again and cleans a copy
// of the content it chose.
var passes = [...]passFlags{
	{strip: true, titled: true, weight: true, conditional: true},
	{strip: true, weight: true, conditional: true},
	{strip: false, weight: true, conditional: true},
	{strip: false, weight: false, conditional: true},
	{strip: false, weight: false, conditional: false},
}

// byHeuristics finds the article by scoring the page, and returns a cleaned
// copy of it. found sees the content chosen, where it sits in the page.
func byHeuristics(root *html.Node, pageURL *url.URL, meta Metadata, found func([]*html.Node)) ([]*html.Node, error) {
	body := findElement(root, atom.Body)
	if body == nil {
		return nil, fmt.Errorf("%w: the page has no body", ErrNoArticle)
	}
	h := newHints()
	p := newPreparer(h)
	p.walk(body, false, false)
	p.setAsideBeyondFooter(body)
	c := newCleaner(h, root, pageURL, meta, true)
	headline := pageHeadline(body, c.title)
	if pageURL != nil {
		setAsideTeaserRivers(body, pageURL, p.titled)
	}
	c.comments = findComments(body)
	best, origin, chars, sc := choose(body, headline, h, p, c)
	// A page that hides its text from a reader without a browser (a
	// consent dialog that hides the page behind it, text a script shows)
	// is read again with its hidden elements shown, when what is visible
	// is not an article; what that finds wins when it is much longer.
	if chars < minArticleChars && p.showHidden() {
		if b, o, n, s := choose(body, headline, h, p, c); n >= minSecondGain*max(chars, emptyAfterCleaning) {
			best, origin, chars, sc = b, o, n, s
		}
	}
	// A page that holds nothing but a thread of comments (a forum's or a
	// question's page) leaves the passes a single comment: its thread is
	// its content, read again as such when that finds much more.
	if chars < minArticleChars && inThread(origin, c.comments) {
		found := c.comments
		c.comments = &commentSet{content: true}
		if b, o, n, s := choose(body, headline, h, p, c); n >= minSecondGain*max(chars, emptyAfterCleaning) {
			best, origin, chars, sc = b, o, n, s
		} else {
			c.comments = found
		}
	}
	if chars == 0 {
		if nodes := crossCheck(nil, nil, c, meta.ArticleBody); len(nodes) > 0 {
			return nodes, nil
		}
		return nil, fmt.Errorf("%w: no block of text found in the page body", ErrNoArticle)
	}
	found(origin)
	nodes := crossCheck(best, sc, c, meta.ArticleBody)
	c.urls.fixAll(nodes)
	return nodes, nil
}

// choice is what a pass, or an opinion after the passes, chose: the
// cleaned content, the page's nodes it was copied from, its length, the
// scorer that chose it and the pass whose marks and cleaning it had.
type choice struct {
	nodes, origin []*html.Node
	chars         int
	sc            *scorer // nil when nothing was chosen
	pass          int
	// emptied is the longest block the pass chose and its cleaning
	// emptied, set aside for the next best (see runPass).
	emptied emptiedBlock
	// notice: what was chosen reads as the site's notice to its readers
	// (noticeCopy), kept for want of an article.
	notice bool
}

// outranks reports whether choice c is better than other: an article's
// length of text that is no notice beats a notice, and otherwise the
// longer text wins.
func (c choice) outranks(other choice) bool {
	if other.sc == nil {
		return c.sc != nil
	}
	if a, b := c.isArticle(), other.isArticle(); a != b {
		return a
	}
	return c.chars > other.chars
}

// isArticle reports whether c holds an article's length of text and does
// not read as a notice.
func (c choice) isArticle() bool { return !c.notice && c.chars >= minArticleChars }

// emptiedBlock is a block a pass chose and its cleaning emptied, and the
// length of its text before cleaning.
type emptiedBlock struct {
	n     *html.Node
	chars int
}

// chooser runs the passes over one prepared body and questions what they
// chose (its opinions); the page's prose, which the opinions compare a
// pick with, is measured on first need.
type chooser struct {
	body     *html.Node
	headline *html.Node // the page's headline (pageHeadline), or nil
	h        *hints
	p        *preparer
	c        *cleaner
	all      map[*html.Node]bool // every chrome mark, for the strictest pass
	// footers are the page's own footers (pageFooters), which even the
	// passes that question chrome marks leave out.
	footers map[*html.Node]bool
	prose   *scorer // the page's prose (proseOfPage), or nil
	bound   int     // proseBound of the body, or -1
}

// choose runs the passes over the prepared body and returns the cleaned
// content chosen, the page's nodes it was copied from, its length and the
// scorer that chose it (nil when no pass found anything).
func choose(body, headline *html.Node, h *hints, p *preparer, c *cleaner) (best, bestOrigin []*html.Node, bestChars int, bestScorer *scorer) {
	ch := &chooser{body: body, headline: headline, h: h, p: p, c: c, all: p.allChrome(), footers: pageFooters(body, headline), bound: -1}
	pick, used := ch.runPasses()
	pick = ch.secondOpinion(pick, used)
	pick = ch.titledOpinion(pick)
	pick = ch.centreOpinion(pick)
	pick = ch.headlineOpinion(pick)
	return pick.nodes, pick.origin, pick.chars, pick.sc
}

// headlineOpinion questions a short pick (under maxDoubtedChars) that a
// pass trusting chrome marks made away from the page's headline, when
// those marks hid the headline itself, or the story under it: the first
// <h1> that repeats the page's title (repeatsTitle; an earlier <h1> may
// hold the site's name) is inside an element marked as chrome (a blog
// platform's post box classed "widget"), or the first paragraph after it
// is (a story wrapped in a box classed like comments or a share bar, for
// a tool that comments on or shares a selected sentence). Whatever won
// there (the site's "about" blurb, a promo) won because the story was set
// aside. A pick that starts within minPartsApart of text after the
// headline is the story under it and stays. Otherwise the passes that
// leave chrome in are asked in turn: the first whose pick is an article
// and another block decides, replacing the pick when it holds the
// headline or comes before the pick under it, and keeping it when it
// holds the pick.
func (ch *chooser) headlineOpinion(pick choice) choice {
	if pick.chars == 0 || pick.chars >= maxDoubtedChars || !passes[pick.pass].strip || ch.c.title == "" {
		return pick
	}
	h1 := titleHeading(ch.body, headlineWords(ch.c.title))
	if h1 == nil || !markedWithin(h1, ch.p.chrome) && !markedWithin(firstParagraphAfter(ch.body, h1), ch.p.chrome) {
		return pick
	}
	if firstAfter(ch.body, h1, map[*html.Node]bool{pick.origin[0]: true}) != nil && textBetween(ch.body, h1, pick.origin[0]) < minPartsApart {
		return pick // the story right under its headline
	}
	for i := pick.pass + 1; i < len(passes); i++ {
		if passes[i].strip || ch.repeats(i) {
			continue
		}
		got := ch.run(i)
		if got.sc == nil || !got.isArticle() {
			continue
		}
		if slices.Equal(got.origin, pick.origin) {
			continue // the same block: this pass tells nothing new
		}
		if holdsAll(got.origin, pick.origin) {
			return pick // the pick is part of what holds the headline
		}
		if holdsAll(got.origin, []*html.Node{h1}) || leadsAfterHeadline(ch.body, ch.headline, got.origin[0], pick.origin[0]) {
			return got
		}
	}
	return pick
}

// skipOf returns the elements pass f leaves out.
func (ch *chooser) skipOf(f passFlags) map[*html.Node]bool {
	switch {
	case f.strip && f.titled:
		return ch.all
	case f.strip:
		return ch.p.chrome
	}
	return ch.footers
}

// pageFooters returns the <footer> elements under body that are the
// page's own (isSiteFooter: in no article, section, aside, nav or main,
// and not named for a post's), or nil when there are none. Their tag,
// unlike a class name, is the page's own word for what they are: the
// passes that question chrome marks still leave them out, so that a
// short story whose wrapper a class name hid does not give way to the
// site's disclaimer. A footer that holds the page's headline
// (pageHeadline) misuses the tag, and is not one.
func pageFooters(body, headline *html.Node) map[*html.Node]bool {
	var footers map[*html.Node]bool
	walkElementsUntil(body, func(n *html.Node) bool {
		if n.DataAtom == atom.Footer && isSiteFooter(n) && (headline == nil || !contains(n, headline)) {
			if footers == nil {
				footers = make(map[*html.Node]bool)
			}
			footers[n] = true
		}
		return false
	})
	return footers
}

// run runs pass i.
func (ch *chooser) run(i int) choice {
	f := passes[i]
	ch.c.conditional = f.conditional
	got := runPass(ch.body, ch.headline, ch.h, ch.c, f, ch.skipOf(f), ch.p.elements)
	got.pass = i
	return got
}

// repeats reports whether pass i would do exactly what pass i-1 did: on a
// page where no box is chrome by its title alone, the first two passes
// leave out the same elements. Such a pass can change nothing.
func (ch *chooser) repeats(i int) bool {
	if i == 0 {
		return false
	}
	a, b := passes[i-1], passes[i]
	if a.weight != b.weight || a.conditional != b.conditional {
		return false
	}
	sa, sb := ch.skipOf(a), ch.skipOf(b)
	return (sa == nil) == (sb == nil) && sameSet(sa, sb)
}

// runPasses runs the passes in order until one finds an article's length,
// and returns the longest choice and the pass that stopped the run
// (len(passes) when none did). A pass whose cleaning emptied a block of
// at least the text it then chose instead (a story wrapped in a box
// whose class reads as chrome, and a reader's comment or a hidden notice
// chosen in its place) is doubted: the later passes, which trust class
// names less, are asked too, and one of them wins only with a longer
// choice that holds the emptied block or lies within it.
func (ch *chooser) runPasses() (best choice, used int) {
	used = len(passes)
	var doubted *html.Node
	for i := range passes {
		if ch.repeats(i) {
			continue
		}
		got := ch.run(i)
		if got.sc == nil || doubted != nil && !holdsAll(got.origin, []*html.Node{doubted}) && !holdsAll([]*html.Node{doubted}, got.origin) {
			continue
		}
		if got.outranks(best) {
			best = got
		}
		if !got.isArticle() {
			continue // a notice, or too little: the later passes are asked
		}
		if doubted == nil && got.emptied.chars >= got.chars {
			// The doubted pass stops the run unless a later one wins.
			doubted, used = got.emptied.n, i
			continue
		}
		return best, i
	}
	return best, used
}

// holdsUnder reports whether chars is under share of the page's prose.
// The prose is measured only when a cheap upper bound of it (proseBound)
// does not settle the question: on most pages the pick holds more than
// half of even that bound.
func (ch *chooser) holdsUnder(chars int, share float64) bool {
	if ch.bound < 0 {
		ch.bound = proseBound(ch.body)
	}
	if float64(chars) >= share*float64(ch.bound) {
		return false
	}
	if ch.prose == nil {
		ch.prose = proseOfPage(ch.body, ch.h, ch.p.beyond, ch.p.elements, ch.c.comments)
	}
	return float64(chars) < share*float64(ch.prose.stats[ch.body].prose)
}

// secondOpinion questions a pick that is short and holds a small share of
// the page's prose: the article may sit in a block that a chrome-like
// class hid from the stricter passes ("widget", "footer"), or be cut into
// boxes the conditional cleaning dropped. The first later pass that finds
// much more text wins. used is the pass that stopped the run.
func (ch *chooser) secondOpinion(pick choice, used int) choice {
	if used+1 >= len(passes) || pick.chars >= maxDoubtedChars || !ch.holdsUnder(pick.chars, minPickShare) {
		return pick
	}
	for i := used + 1; i < len(passes); i++ {
		if ch.repeats(i) {
			continue
		}
		if got := ch.run(i); got.sc != nil && !got.notice && got.chars >= minSecondGain*pick.chars &&
			outsideBoxes(got.origin, ch.p.titled, got.chars) >= minSecondGain*pick.chars {
			return got
		}
	}
	return pick
}

// titledOpinion questions a pick most of whose text lies in boxes their
// titles mark as chrome ("Comments"): it comes from a pass that let those
// boxes back in, after the strict pass found no article. When class names
// hid the article from that pass (a page builder's "widget" box), the
// page's prose centre outside titled boxes shows where it is: the pick,
// or the centre when the pick does not hold it (the pick is the titled
// box itself), is cleaned again without the titled boxes, and without the
// chrome marked outside that centre, whose own marks are not trusted. The
// cleaning is conditional, then not (conditional cleaning judges boxes by
// their class names too); the first that keeps an article's length wins.
func (ch *chooser) titledOpinion(pick choice) choice {
	p, c := ch.p, ch.c
	if pick.chars == 0 || passes[pick.pass].titled || 2*outsideBoxes(pick.origin, p.titled, pick.chars) >= pick.chars {
		return pick
	}
	sc := proseOfPage(ch.body, ch.h, p.titled, p.elements, c.comments)
	centre := sc.proseCentre(ch.body)
	if centre == nil || holdsUnknownThread(centre, c.comments) {
		return pick
	}
	skip := maps.Clone(p.titled)
	for n := range p.chrome {
		if !contains(centre, n) && !contains(n, centre) {
			skip[n] = true
		}
	}
	origin := pick.origin
	if !holdsAll(origin, []*html.Node{centre}) {
		origin = []*html.Node{centre}
	}
	for _, cond := range [...]bool{true, false} {
		c.conditional = cond
		nodes := cleanCopy(origin, skip, c)
		if chars := textChars(nodes); chars >= minArticleChars {
			pick.nodes, pick.origin, pick.chars, pick.sc = nodes, origin, chars, sc
			return pick
		}
	}
	return pick
}

// centreOpinion questions a pick that still holds under half of the
// page's prose: the block that holds most of the page's prose, however
// deep its paragraphs sit (page builders nest each paragraph in a dozen
// wrappers, too deep for its score to reach the article), wins when it
// keeps much more text than the pick after cleaning:
//   - a centre around the pick is cleaned as the pick was, so that what
//     that pass left out (a box titled "Comments") stays out, and without
//     the boxes beside the pick that their titles mark as chrome, which a
//     pass that trusts no titles let in (besidePick: the site's "Latest
//     news" with an excerpt of each post);
//   - a centre that holds a thread of comments is no centre, nor is one
//     in the page's own footer (pageFooters): on a page whose story is
//     short, the site's disclaimer may hold most of its prose;
//   - a centre inside the pick is one that class names emptied: the
//     strict passes' marks, or the cleaning of a later pass, took a page
//     builder's text box ("widget") for chrome. It is cleaned with only
//     its box titles and the page's own footers set aside (the tag is
//     the page's word, not a class name's), by the cleaning of the
//     passes after the pick's, unless a box title ("Comments") marks it
//     or a box around it, or it is the pick itself and not a pick that
//     was cleaned by class names (a strict pick, or one whose cleaning
//     was conditional) most of whose text lies in boxes that their own
//     class names mark as chrome (hiddenByClass: a page builder's text
//     box beside a few plain paragraphs of the story);
//   - a centre elsewhere replaces a pick the strict passes made only when
//     it holds the page's headline and the pick does not, and a pick made
//     once chrome marks were set aside in any case; it is cleaned by the
//     first pass from the pick's on that keeps enough, since the marks
//     that hid it from the pick's pass are wrong;
//   - a centre elsewhere whose text lies mostly in boxes that their own
//     class names mark as chrome (a page builder's "widget-container" of
//     the story's paragraphs: hiddenByClass) replaces a strict pick of
//     maxDoubtedChars or more, or one that comes after it under the
//     headline (the company's boilerplate under a press release),
//     cleaned as a centre inside the pick is: a shorter pick may be a
//     short story above a long footer or menu, which class names mark as
//     well.
func (ch *chooser) centreOpinion(pick choice) choice {
	if pick.chars == 0 || !ch.holdsUnder(pick.chars, minHeldShare) {
		return pick
	}
	body, p := ch.body, ch.p
	centre := ch.prose.proseCentre(body)
	var tries []passFlags
	unmarked := false // the centre's class marks are questioned
	around := false   // the centre holds the pick: its titled neighbours stay out
	switch {
	case centre == nil || holdsUnknownThread(centre, ch.c.comments) || markedWithin(centre, ch.footers):
	case holdsAll(pick.origin, []*html.Node{centre}):
		self := slices.Contains(pick.origin, centre)
		if pick.pass+1 < len(passes) && (!self || (passes[pick.pass].strip || passes[pick.pass].conditional) && hiddenByClass(centre, p.chrome, ch.h)) && !markedWithin(centre, p.titled) {
			tries, unmarked = passes[pick.pass+1:], true
		}
	case holdsAll([]*html.Node{centre}, pick.origin):
		tries, around = passes[pick.pass:pick.pass+1], true
	case !passes[pick.pass].strip || holdsHeadline(ch.headline, centre, pick.origin):
		tries = passes[pick.pass:]
	case (pick.chars >= maxDoubtedChars || leadsAfterHeadline(body, ch.headline, centre, pick.origin[0])) &&
		hiddenByClass(centre, p.chrome, ch.h) && !markedWithin(centre, p.titled):
		tries, unmarked = passes[pick.pass+1:], true
	}
	for _, f := range tries {
		ch.c.conditional = f.conditional
		skip := ch.skipOf(f)
		if unmarked {
			// The class marks are questioned, not the page's own
			// <footer> tag (pageFooters): a centre that holds the whole
			// page keeps the site's disclaimer and addresses out.
			skip = union(p.titled, ch.footers)
		} else if around {
			skip = besidePick(skip, p.titled, pick.origin)
		}
		nodes := cleanCopy([]*html.Node{centre}, skip, ch.c)
		if chars := textChars(nodes); float64(chars) >= minCentreGain*float64(pick.chars) && !readsAsNotice(nodes, chars) {
			return choice{nodes: nodes, origin: []*html.Node{centre}, chars: chars, sc: ch.prose, pass: pick.pass}
		}
	}
	return pick
}

// besidePick returns skip with the boxes of titled that lie outside
// origin added: a centre around a pick is more of its story, not the
// boxes beside it that their titles mark as chrome ("Latest news",
// "Comments"), which the pick's pass did not ask about.
func besidePick(skip, titled map[*html.Node]bool, origin []*html.Node) map[*html.Node]bool {
	var out map[*html.Node]bool
	for n := range titled {
		if skip[n] || holdsAll(origin, []*html.Node{n}) || holdsAll([]*html.Node{n}, origin) {
			continue
		}
		if out == nil {
			out = maps.Clone(skip)
			if out == nil {
				out = make(map[*html.Node]bool)
			}
		}
		out[n] = true
	}
	if out == nil {
		return skip
	}
	return out
}

// outsideBoxes scales chars, the text a later pass found under origin,
// by the share of origin's text that lies outside boxes marked as chrome
// by their title ("More news", "Comments") and outside lists of teasers
// (see teaserList): secondOpinion questions class names and
// conditional cleaning, not box titles, and a river of teasers under a
// short story does not make the story a small part of the page. Teaser
// lists stay candidates otherwise, since a landing page is one; they are
// looked for only here, on the few pages whose pick is doubted.
func outsideBoxes(origin []*html.Node, titled map[*html.Node]bool, chars int) int {
	in, all := markedText(origin, func(n *html.Node) bool {
		return titled[n] || isBoxTag(n.DataAtom) && teaserList(n, nil)
	})
	if all == 0 {
		return chars
	}
	return chars * (all - in) / all
}

// markedText returns the length of the text under nodes, all, and of the
// part of it that lies under an element for which marked is true, in;
// marked is not asked about the elements under one it marked.
func markedText(nodes []*html.Node, marked func(*html.Node) bool) (in, all int) {
	var walk func(n *html.Node, inside bool)
	walk = func(n *html.Node, inside bool) {
		if n.Type == html.TextNode {
			c, _ := measureText(n.Data)
			all += c
			if inside {
				in += c
			}
			return
		}
		if !inside && n.Type == html.ElementNode && marked(n) {
			inside = true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inside)
		}
	}
	for _, n := range nodes {
		walk(n, false)
	}
	return in, all
}

// sameSet reports whether a and b hold the same elements.
func sameSet(a, b map[*html.Node]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for n := range a {
		if !b[n] {
			return false
		}
	}
	return true
}

// A pick shorter than maxDoubtedChars that holds less than minPickShare of
// the characters in the page's paragraphs (chrome included) is doubted; a
// later pass replaces it when it finds minSecondGain times more text.
const (
	maxDoubtedChars = 2000
	minPickShare    = 0.2
	minSecondGain   = 2
)

// proseOfPage measures the page's paragraphs, chrome included but for
// what a strong hint marks (comments, share bars), the elements in skip
// and the page's readers' comments (comments, which the scorer also
// knows threads by): the prose the pick is compared with.
func proseOfPage(body *html.Node, h *hints, skip map[*html.Node]bool, size int, comments *commentSet) *scorer {
	skip = union(skip, comments.leaves())
	sc := newScorer(h, false, skip, size)
	sc.skipStrong = true
	sc.comments = comments
	sc.measure(body)
	return sc
}

// proseBound is at least the page's prose as proseOfPage measures it,
// for a fraction of the cost: the text under body, counted by
// textCharsBound, nothing left out.
func proseBound(body *html.Node) int {
	total := 0
	for c := body.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			total += textCharsBound(c.Data)
		case html.ElementNode:
			total += proseBound(c)
		}
	}
	return total
}

// A pick holding less than minHeldShare of the page's prose gives way to
// the page's prose centre (see proseCentre) when that keeps minCentreGain
// times its text after cleaning.
const (
	minHeldShare   = 0.5
	minCentreShare = 0.6
	maxCentreLinks = 0.3
	minCentreGain  = 1.5
)

// proseCentre is the deepest element that holds minCentreShare of the
// page's prose, with few links; nil when that is the whole page (see
// pageBlock).
func (s *scorer) proseCentre(body *html.Node) *html.Node {
	total := float64(s.stats[body].prose)
	if total == 0 {
		return nil
	}
	n := body
	for {
		var next *html.Node
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if cs := s.stats[c]; cs != nil && float64(cs.prose) >= minCentreShare*total {
				next = c
				break
			}
		}
		if next == nil {
			break
		}
		n = next
	}
	if n == pageBlock(body) || s.stats[n].linkDensity() > maxCentreLinks {
		return nil
	}
	return n
}

// pageBlock is the block that holds the whole page: body, or the element
// that body, and each element down to it, holds alone (a page laid out in
// one table cell, or in one wrapper).
func pageBlock(body *html.Node) *html.Node {
	n := body
	for {
		c := firstElementChild(n)
		if c == nil || !isWrapperOf(n, c) {
			return n
		}
		n = c
	}
}

// holdsAll reports whether every node of inner is one of outer or under
// one of them.
func holdsAll(outer, inner []*html.Node) bool {
	for _, n := range inner {
		if !slices.ContainsFunc(outer, func(o *html.Node) bool { return contains(o, n) }) {
			return false
		}
	}
	return len(inner) > 0
}

// emptyAfterCleaning is the text length under which a pass's choice is
// taken for a box that cleaning emptied (a cookie notice, a share bar),
// and the pass tries the next best block instead.
const emptyAfterCleaning = 50

// maxRetries bounds how many chosen blocks one pass sets aside.
const maxRetries = 3

// runPass scores the page without the skipped nodes and cleans a copy of
// the best content; size is about how many elements the body holds. When
// cleaning leaves almost nothing, the chosen block is set aside (the
// longest such block is the choice's emptied) and the page scored again,
// up to maxRetries times; so is a block that reads as a whole as the
// site's notice to its readers (noticeCopy) and does not hold the page's
// <h1>, which is kept, marked as a notice, only when no block of article
// length is found instead. The body itself is marked so when all it
// keeps is a notice. It returns the longest cleaned content as a choice
// whose sc is nil when nothing could be chosen; the caller sets its
// pass.
func runPass(body, headline *html.Node, h *hints, c *cleaner, f passFlags, skip map[*html.Node]bool, size int) choice {
	var best, notice choice
	for range maxRetries + 1 {
		sc := newScorer(h, f.weight, skip, size)
		sc.comments, sc.headline = c.comments, headline
		sc.measure(body)
		top := sc.top(body)
		if top == nil {
			break
		}
		content := sc.content(top)
		nodes, chars, isNotice := noticeCopy(content, skip, c)
		// A block that holds the page's headline is its story,
		// whatever words it uses: a story about cookie banners is one.
		isNotice = isNotice && (top == body || !contains(top, headline))
		if notice.sc == nil && top != body && isNotice {
			// The site's notice to its readers (a disclaimer, a
			// licence) outweighs a short story: the next block is
			// tried, and the notice stays only if no article is found.
			notice = choice{nodes: nodes, origin: content, chars: chars, sc: sc}
			skip = maps.Clone(skip)
			if skip == nil {
				skip = map[*html.Node]bool{}
			}
			skip[top] = true
			continue
		}
		if best.sc == nil || chars > best.chars {
			best.nodes, best.origin, best.chars, best.sc = nodes, content, chars, sc
			// All the body keeps is a notice: nothing to set aside, but
			// the later passes are asked (see runPasses).
			best.notice = top == body && isNotice
		}
		// Another try only helps when cleaning, not the page, left
		// little: the block chosen was chrome.
		raw := rawChars(content, skip)
		if best.chars >= emptyAfterCleaning || top == body || raw < emptyAfterCleaning {
			break
		}
		if raw > best.emptied.chars {
			best.emptied = emptiedBlock{top, raw}
		}
		skip = maps.Clone(skip)
		if skip == nil {
			skip = map[*html.Node]bool{}
		}
		skip[top] = true
	}
	if notice.sc != nil && best.chars < minArticleChars && notice.chars > best.chars {
		notice.emptied, notice.notice = best.emptied, true
		return notice
	}
	return best
}

// readsAsNotice reports whether cleaned content, chars long, is as a whole
// one of the site's notices to its readers (isServiceText).
func readsAsNotice(nodes []*html.Node, chars int) bool {
	return chars > 0 && chars <= maxNoticeChars && isServiceText(blockOfNodes(nodes, chars))
}

// cleanCopy returns a cleaned copy of content, without the skipped nodes.
func cleanCopy(content []*html.Node, skip map[*html.Node]bool, c *cleaner) []*html.Node {
	return trimEdges(cleanUntrimmed(content, skip, c), c.author)
}

// cleanUntrimmed is cleanCopy before its edges are trimmed.
func cleanUntrimmed(content []*html.Node, skip map[*html.Node]bool, c *cleaner) []*html.Node {
	nodes := cloneContent(content, skip, c.comments.leaves())
	for _, n := range nodes {
		c.clean(n, false)
	}
	return unwrapLayoutTables(nodes)
}

// noticeCopy returns cleanCopy(content, skip, c), the length of its text,
// and whether it reads as the site's notice to its readers: as a whole
// (readsAsNotice), or before its edges were trimmed when what the
// trimming left still speaks of the service, with minServiceWords-1
// service words, or with one when the trimming took more than half the
// text. A consent dialog whose opening paragraphs went as notices leaves
// the kinds of cookie it explains; a short story under a long notice
// leaves no service word.
func noticeCopy(content []*html.Node, skip map[*html.Node]bool, c *cleaner) (nodes []*html.Node, chars int, notice bool) {
	nodes = cleanUntrimmed(content, skip, c)
	var before block
	if all := textCharsUpTo(nodes, maxNoticeChars); all <= maxNoticeChars {
		before = blockOfNodes(nodes, all)
	}
	nodes = trimEdges(nodes, c.author)
	chars = textChars(nodes)
	if chars == 0 || chars > maxNoticeChars {
		return nodes, chars, false
	}
	after := blockOfNodes(nodes, chars)
	if isServiceText(after) {
		return nodes, chars, true
	}
	if before.chars <= chars || !isServiceText(before) {
		return nodes, chars, false
	}
	n := textkit.CountServiceWords(after.norm)
	return nodes, chars, n >= minServiceWords-1 || n > 0 && 2*chars < before.chars
}

// blockOfNodes returns the text of nodes, chars long, as one block.
func blockOfNodes(nodes []*html.Node, chars int) block {
	var b strings.Builder
	for _, n := range nodes {
		appendText(&b, n)
		b.WriteByte(' ')
	}
	return block{norm: normalizePhrase(b.String()), chars: chars}
}

// cloneContent deep-copies nodes, leaving out the skipped ones and those
// in leave (readers' comments), under one new parent so that the copies
// have siblings like the originals.
func cloneContent(nodes []*html.Node, skip, leave map[*html.Node]bool) []*html.Node {
	parent := &html.Node{Type: html.ElementNode, DataAtom: atom.Div, Data: "div"}
	out := make([]*html.Node, 0, len(nodes))
	cl := cloner{leave: leave}
	for _, n := range nodes {
		c := cl.tree(n, skip)
		parent.AppendChild(c)
		out = append(out, c)
	}
	return out
}

// cloner copies nodes and attributes out of chunks rather than one
// allocation each.
type cloner struct {
	nodes []html.Node
	attrs []html.Attribute
	leave map[*html.Node]bool // left out like skipped nodes
}

const cloneChunk = 256

func (cl *cloner) tree(n *html.Node, skip map[*html.Node]bool) *html.Node {
	if len(cl.nodes) == cap(cl.nodes) {
		cl.nodes = make([]html.Node, 0, cloneChunk)
	}
	cl.nodes = append(cl.nodes, html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace})
	c := &cl.nodes[len(cl.nodes)-1]
	if k := len(n.Attr); k > 0 {
		if cap(cl.attrs)-len(cl.attrs) < k {
			cl.attrs = make([]html.Attribute, 0, max(cloneChunk, k))
		}
		start := len(cl.attrs)
		cl.attrs = append(cl.attrs, n.Attr...)
		c.Attr = cl.attrs[start:len(cl.attrs):len(cl.attrs)] // full: an append copies
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if !skip[ch] && !cl.leave[ch] {
			c.AppendChild(cl.tree(ch, skip))
		}
	}
	return c
}

// rawChars is textChars of cloneContent(content, skip) before cleaning,
// counted on the page itself, which cleaning a copy leaves as it was.
func rawChars(content []*html.Node, skip map[*html.Node]bool) int {
	total := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			c, _ := measureText(n.Data)
			total += c
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !skip[c] {
				walk(c)
			}
		}
	}
	for _, n := range content {
		walk(n)
	}
	return total
}

// textChars counts the visible characters under nodes.
func textChars(nodes []*html.Node) int { return textCharsUpTo(nodes, math.MaxInt) }

// textCharsUpTo returns the length of the text under nodes, as textChars
// measures it, or a number over limit once it passes limit: the walk
// stops there.
func textCharsUpTo(nodes []*html.Node, limit int) int {
	total := 0
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.TextNode {
			c, _ := measureText(n.Data)
			total += c
			return total <= limit
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !walk(c) {
				return false
			}
		}
		return true
	}
	for _, n := range nodes {
		if !walk(n) {
			break
		}
	}
	return total
}

// holdsHeadline reports whether the page's headline (pageHeadline) is
// under centre and not under any of the nodes of pick.
func holdsHeadline(headline, centre *html.Node, pick []*html.Node) bool {
	return headline != nil && holdsAll([]*html.Node{centre}, []*html.Node{headline}) && !holdsAll(pick, []*html.Node{headline})
}

// markedWithin reports whether n, or an element around it, is in marks.
func markedWithin(n *html.Node, marks map[*html.Node]bool) bool {
	for ; n != nil; n = n.Parent {
		if marks[n] {
			return true
		}
	}
	return false
}

// leadsAfterHeadline reports whether block a is the one of blocks a and
// b that a reader meets first under the page's headline (pageHeadline); a
// block that holds the headline leads.
func leadsAfterHeadline(body, headline, a, b *html.Node) bool {
	switch {
	case headline == nil || contains(b, headline):
		return false
	case contains(a, headline):
		return true
	}
	return firstAfter(body, headline, map[*html.Node]bool{a: true, b: true}) == a
}

// hiddenByClass reports whether most of the text under n lies in
// elements whose own class or id names them unlikely (n itself included)
// and that chrome marks, or that their place rescued (see
// hints.inContext): a page builder's text boxes, classed as widgets, hold
// a story so, and the cleaning of a pass may drop them for their class.
// So is n when one of the wrappers that hold it alone, up to
// maxWrapperLevels above it, is such an element: a builder's
// "textwidget", rescued by its own name, in a "panel widget" box.
func hiddenByClass(n *html.Node, chrome map[*html.Node]bool, h *hints) bool {
	hidden := func(e *html.Node) bool {
		return h.of(e).unlikely && (chrome[e] || h.inContext(e).rescued)
	}
	for c, i := n, 0; i < maxWrapperLevels; c, i = c.Parent, i+1 {
		p := c.Parent
		if p == nil || p.Type != html.ElementNode || p.DataAtom == atom.Body || !isWrapperOf(p, c) {
			break
		}
		if hidden(p) {
			return true // wrapped whole in such an element
		}
	}
	in, all := markedText([]*html.Node{n}, hidden)
	return all > 0 && 2*in > all
}

// maxWrapperLevels bounds the wrappers above a box that hiddenByClass
// looks through.
const maxWrapperLevels = 3

// firstParagraphAfter returns the first <p> after mark, in document order
// under root, that holds minParagraphChars of text; nil when there is none.
func firstParagraphAfter(root, mark *html.Node) *html.Node {
	return firstMatchAfter(root, mark, func(n *html.Node) bool {
		return n.DataAtom == atom.P && !contains(mark, n) && textCharsUpTo([]*html.Node{n}, minParagraphChars) >= minParagraphChars
	})
}

// minParagraphChars is the text of a paragraph that opens a story.
const minParagraphChars = 80

// pageHeadline returns the page's headline: its first <h1>, or, on a
// page that has none, the first element that shows nothing but the
// page's title (title, folded as normalizePhrase folds it), as a page
// laid out in tables prints its headline in a bold or large font, or nil.
// What comes right after it is the story; what holds it is the story's
// block.
func pageHeadline(body *html.Node, title string) *html.Node {
	if h1 := findElement(body, atom.H1); h1 != nil || title == "" {
		return h1
	}
	limit := utf8.RuneCountInString(title) + maxTitleSlack
	var found *html.Node
	walkElementsUntil(body, func(n *html.Node) bool {
		if showsTitleTag(n.DataAtom) {
			if t := shortText(n, limit); t != "" && normalizePhrase(t) == title {
				found = n
			}
		}
		return found != nil
	})
	return found
}

// maxTitleSlack is how many characters more than the title an element
// showing it may hold before its text is not read at all (spaces the
// folding drops).
const maxTitleSlack = 8

// showsTitleTag reports whether an element with tag a may show a page's
// headline when the page has no <h1>.
func showsTitleTag(a atom.Atom) bool {
	switch a {
	case atom.H2, atom.H3, atom.H4, atom.B, atom.Strong, atom.Font, atom.Span,
		atom.Div, atom.P, atom.Td:
		return true
	}
	return false
}

// titleHeading returns the first <h1> under body that repeats the title
// (titleWords: see repeatsTitle); nil when none does.
func titleHeading(body *html.Node, titleWords []string) *html.Node {
	var found *html.Node
	walkElementsUntil(body, func(n *html.Node) bool {
		if n.DataAtom == atom.H1 && repeatsTitle(n, titleWords) {
			found = n
		}
		return found != nil
	})
	return found
}
