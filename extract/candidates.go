package extract

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/refeed/refeed/internal/textkit"
)

// maxAncestors is how many levels above a paragraph receive its score.
const maxAncestors = 5

// scorer measures every element and scores the containers of paragraphs,
// in the spirit of Readability: a paragraph is worth one point, one per
// comma and one per hundred characters (at most three); its parent gets the
// full value, its grandparent half, older ancestors less.
type scorer struct {
	stats         map[*html.Node]*stats
	slab          []stats // where new stats are taken from, a chunk at a time
	candidates    []*html.Node
	hints         *hints
	weightClasses bool
	skip          map[*html.Node]bool // chrome left out of this pass
	skipStrong    bool                // leave out elements with a strong chrome hint too
	comments      *commentSet         // the page's runs of readers' comments
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
		level++
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
	if best == body || best.DataAtom == atom.Html {
		return best
	}
	best = s.sharedAncestor(best, ranked[1:min(len(ranked), 5)])
	best = s.climb(best, body)
	for best.Parent != nil && best.Parent != body && s.onlyElementChild(best) {
		best = best.Parent
	}
	best = s.clusterClimb(best, body)
	return best
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

// minReplyLinks is how many reply links mark a thread of comments.
const minReplyLinks = 3

// maxReplyLinkBytes bounds the text of a link read as a reply link.
const maxReplyLinkBytes = 64

// isReplyLink reports whether link a says "Reply", in its own text or in
// the elements it wraps ("<a><i></i> <span>Reply</span></a>").
func isReplyLink(a *html.Node) bool {
	if c := a.FirstChild; c == a.LastChild && c.Type == html.TextNode {
		return len(c.Data) <= maxReplyLinkBytes && textkit.IsReplyLink(textkit.FoldPhrase(c.Data))
	}
	var b strings.Builder
	appendText(&b, a)
	return b.Len() <= maxReplyLinkBytes && textkit.IsReplyLink(textkit.FoldPhrase(b.String()))
}

// isThread reports whether n holds a thread of readers' comments: at
// least minReplyLinks links that say "Reply" (textkit.IsReplyLink), or
// comments of the page's set cs (commentItems) that hold at least half of
// n's text. A story with a short thread of headed comments under it is
// no thread: its comments are left out of the copy that is cleaned.
func isThread(n *html.Node, cs *commentSet) bool {
	replies := 0
	walkElementsUntil(n, func(e *html.Node) bool {
		if e.DataAtom == atom.A && e.FirstChild != nil && isReplyLink(e) {
			replies++
		}
		return replies >= minReplyLinks
	})
	if replies >= minReplyLinks {
		return true
	}
	in := cs.bytesUnder(n)
	return in > 0 && 2*in >= textBytes(n)
}

// Threads without reply links. A reader's comment opens with a header
// that names the reader with a speech verb (textkit.SpeechVerbs) and
// stamps the comment with a date or a time after the verb: "Anna wrote on
// December 6, 2016 at 9:12 am:", "Anna schrieb am 06.12.2016 um 09:12
// Uhr:", "كتب أحمد في 6 ديسمبر 2016", or "Anna says:" over a line of its
// own "December 6, 2016 at 9:12 am". The comment's text follows. At least
// minCommentRun such elements in a row, siblings of one tag, make a
// thread, whatever their class names and titles.
//
// The stamp is what tells a thread from an article that quotes people:
// quoted e-mails ("Rob Malda wrote:") and vox-pops ("Anna, 34, says:")
// carry none, and a mail client writes its date before the name ("On 6
// Dec 2016 at 9:12, Rob wrote:"), where a comment header never has it.
// A thread whose comments are not each wrapped in an element of their own
// (headers and texts as flat siblings) is not recognised: such a layout is
// also the shape of an interview or a quoted exchange.
//
// The page's comments are found once, after preparation (findComments):
// every pass leaves them out of the copy it cleans (cleanCopy), and
// isThread weighs them.
const (
	minCommentRun      = 3   // comments in a row that make a thread
	maxHeaderLineBytes = 160 // a header line is short
	maxHeaderNameWords = 5   // words before the verb: the reader's name
	commentLeadLines   = 3   // lines of a comment read for its header
)

// commentSet is the page's readers' comments known by their headers.
type commentSet struct {
	items map[*html.Node]bool // every comment, replies too
	outer []*html.Node        // the comments not inside another
	bytes []int               // the text of each outer comment, in bytes
}

// findComments returns the comments under body (commentItems), or nil
// when it has none. Elements in chrome, marked by their tag, role, class
// or id (navigation, footers, boxes classed as comments), are not looked
// into: the passes that set chrome aside leave them out already, and the
// others do as they did before this search.
func findComments(body *html.Node, chrome map[*html.Node]bool) *commentSet {
	var cs *commentSet
	var r leadReader
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for _, c := range commentItems(n, &r) {
			if cs == nil {
				cs = &commentSet{items: make(map[*html.Node]bool)}
			}
			cs.items[c] = true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && !chrome[c] {
				walk(c)
			}
		}
	}
	walk(body)
	if cs == nil {
		return nil
	}
	for c := range cs.items {
		if !cs.inside(c) {
			cs.outer = append(cs.outer, c)
			cs.bytes = append(cs.bytes, textBytes(c))
		}
	}
	return cs
}

// inside reports whether c lies inside another comment of cs.
func (cs *commentSet) inside(c *html.Node) bool {
	for p := c.Parent; p != nil; p = p.Parent {
		if cs.items[p] {
			return true
		}
	}
	return false
}

// bytesUnder is the text, in bytes, of the comments of cs under n (n
// itself included).
func (cs *commentSet) bytesUnder(n *html.Node) int {
	if cs == nil {
		return 0
	}
	sum := 0
	for i, c := range cs.outer {
		if contains(n, c) {
			sum += cs.bytes[i]
		}
	}
	return sum
}

// leaves returns the set of comments for a copy to leave out, or nil.
func (cs *commentSet) leaves() map[*html.Node]bool {
	if cs == nil {
		return nil
	}
	return cs.items
}

// commentItems returns the element children of n that stand in runs of
// at least minCommentRun comments in a row (isComment) with one tag;
// children without text (rules, spacers) do not break a run. It returns
// nil when n has none. r is the reader to use.
func commentItems(n *html.Node, r *leadReader) []*html.Node {
	kids := 0
	for c := n.FirstChild; c != nil && kids < minCommentRun; c = c.NextSibling {
		if c.Type == html.ElementNode {
			kids++
		}
	}
	if kids < minCommentRun {
		return nil
	}
	var items, run []*html.Node
	end := func() {
		if len(run) >= minCommentRun {
			items = append(items, run...)
		}
		run = run[:0]
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && !isSpace(c.Data):
			end()
		case c.Type != html.ElementNode:
		case !isInlineNode(c) && isComment(c, r):
			if len(run) > 0 && run[0].DataAtom != c.DataAtom {
				end()
			}
			run = append(run, c)
		case hasText(c):
			end()
		}
	}
	end()
	return items
}

// textBytes is the length in bytes of the text under n.
func textBytes(n *html.Node) int {
	if n.Type == html.TextNode {
		return len(n.Data)
	}
	sum := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		sum += textBytes(c)
	}
	return sum
}

// isComment reports whether element n reads as a reader's comment: its
// first lines are a comment header and text follows it. r is the reader
// to use, reset here.
func isComment(n *html.Node, r *leadReader) bool {
	r.reset()
	r.read(n)
	if r.stop {
		return false
	}
	r.flush()
	return isCommentHeader(r.lines)
}

// isCommentHeader reports whether the leading lines of an element open
// with a comment header (see minCommentRun) and go on after it.
func isCommentHeader(lines []string) bool {
	if len(lines) < 2 || len(lines[0]) > maxHeaderLineBytes || !hasDigit(lines[0]) && !hasDigit(lines[1]) {
		return false
	}
	i := speechVerbAt([]byte(lines[0]))
	if i < 0 {
		return false
	}
	if rest := strings.TrimSpace(lines[0][i:]); isStamp(rest) {
		return true
	} else if rest != "" && rest != ":" {
		return false
	}
	// "Anna says:" over its stamp line, and text after both.
	return len(lines) > 2 && len(lines[1]) <= maxHeaderLineBytes && isStamp(lines[1])
}

// maxVerbBytes bounds a word read as a speech verb.
const maxVerbBytes = 24

// speechVerbAt returns where the text after the speech verb begins in
// line, when one of its first maxHeaderNameWords+1 words is one
// (isSpeechVerb), or -1.
func speechVerbAt(line []byte) int {
	for i, words := 0, 0; i < len(line) && words <= maxHeaderNameWords; words++ {
		for i < len(line) && line[i] == ' ' {
			i++
		}
		j := bytes.IndexByte(line[i:], ' ')
		if j < 0 {
			j = len(line)
		} else {
			j += i
		}
		if isSpeechVerb(line[i:j]) {
			return j
		}
		i = j
	}
	return -1
}

// isSpeechVerb reports whether word, punctuation after it aside ("says:"),
// is one of textkit.SpeechVerbs. It runs on the first line of many
// elements, so it folds only what needs folding, and copies nothing.
func isSpeechVerb(word []byte) bool {
	word = bytes.TrimRight(word, ":,.;")
	if len(word) == 0 || len(word) > maxVerbBytes {
		return false
	}
	if textkit.IsSpeechVerbBytes(word) {
		return true
	}
	var buf [maxVerbBytes]byte
	upper := false
	for i, c := range word {
		if c >= utf8.RuneSelf {
			r, _ := utf8.DecodeRune(word)
			return unicode.IsUpper(r) && textkit.IsSpeechVerb(textkit.FoldPhrase(string(word)))
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
			upper = true
		}
		buf[i] = c
	}
	return upper && textkit.IsSpeechVerbBytes(buf[:len(word)])
}

// maxStampWords bounds the words without digits around a stamp: "on",
// "at", "am", a month's name, and in a header that opens with its verb
// ("كتب أحمد في …") the reader's name.
const maxStampWords = 6

// isStamp reports whether s is a date or time stamp and little else: a
// stamp (hasStamp) of at least two numbers ("December 6, 2016", "9:12",
// "06.12.2016"), among at most maxStampWords words without digits. "I
// moved here in 2016" is no stamp.
func isStamp(s string) bool {
	if !hasStamp(s) {
		return false
	}
	numbers, words := 0, 0
	for _, w := range strings.Fields(textkit.FoldDigits(s)) {
		digits, letters := false, false
		for i := 0; i < len(w); i++ {
			c := w[i]
			switch {
			case isASCIIDigit(c):
				if !digits || i > 0 && !isASCIIDigit(w[i-1]) {
					numbers++
				}
				digits = true
			case c >= utf8.RuneSelf || 'a' <= c|0x20 && c|0x20 <= 'z':
				letters = true
			}
		}
		if letters && !digits {
			words++
		}
	}
	return numbers >= 2 && words <= maxStampWords
}

// hasStamp reports whether s holds a time of day ("9:12", "٠٩:١٢") or a
// year of our times ("2016", "06.12.16").
func hasStamp(s string) bool {
	s = textkit.FoldDigits(s)
	if hasShortDate(s) {
		return true
	}
	for i := 0; i < len(s); i++ {
		if !isASCIIDigit(s[i]) || i > 0 && isASCIIDigit(s[i-1]) {
			continue
		}
		j := i
		for j < len(s) && isASCIIDigit(s[j]) {
			j++
		}
		switch {
		case j-i == 4 && (s[i:i+2] == "19" || s[i:i+2] == "20"):
			return true
		case j-i <= 2 && j+2 < len(s) && s[j] == ':' && isASCIIDigit(s[j+1]) && isASCIIDigit(s[j+2]):
			return true
		}
		i = j
	}
	return false
}

// leadReader reads the first lines of an element's text: text broken at
// block elements and <br>, each line cut after maxHeaderLineBytes. It
// stops at a first line longer than that or without a speech verb: no
// header opens the element.
// One reader serves the children of one element in turn (reset).
type leadReader struct {
	lines []string
	cur   []byte
	stop  bool // the first line is too long for a header, or has no verb
}

// reset readies r for another element.
func (r *leadReader) reset() {
	r.lines, r.cur, r.stop = r.lines[:0], r.cur[:0], false
}

func (r *leadReader) read(n *html.Node) {
	for c := n.FirstChild; c != nil && !r.done(); c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			r.text(c.Data)
		case c.Type != html.ElementNode:
		case c.DataAtom == atom.Br:
			r.flush()
		case isInlineNode(c):
			r.read(c)
		default:
			r.flush()
			r.read(c)
			r.flush()
		}
	}
}

// text adds s to the line being read, each run of white space as one
// space, none at the line's start, up to one byte over
// maxHeaderLineBytes.
func (r *leadReader) text(s string) {
	for i := 0; i < len(s) && len(r.cur) <= maxHeaderLineBytes; {
		if n := spaceAt(s, i); n > 0 {
			if len(r.cur) > 0 && r.cur[len(r.cur)-1] != ' ' {
				r.cur = append(r.cur, ' ')
			}
			i += n
			continue
		}
		j, end := i+1, min(len(s), i+maxHeaderLineBytes+1-len(r.cur))
		for j < end && spaceAt(s, j) == 0 {
			j++
		}
		r.cur = append(r.cur, s[i:j]...)
		i = j
	}
	if len(r.cur) > maxHeaderLineBytes && len(r.lines) == 0 {
		r.stop = true
	}
}

// spaceAt returns the length of the white space at s[i]: an ASCII space
// or a no-break space, or 0.
func spaceAt(s string, i int) int {
	switch s[i] {
	case ' ', '\t', '\n', '\r', '\f':
		return 1
	case 0xC2:
		if i+1 < len(s) && s[i+1] == 0xA0 {
			return 2
		}
	}
	return 0
}

// done reports whether the reader has read enough.
func (r *leadReader) done() bool { return r.stop || len(r.lines) >= commentLeadLines }

// flush ends the line being read.
func (r *leadReader) flush() {
	if line := bytes.TrimSpace(r.cur); len(line) > 0 && len(r.lines) < commentLeadLines {
		if len(r.lines) == 0 && speechVerbAt(line) < 0 {
			r.stop = true // no verb opens the first line: no header
		} else {
			r.lines = append(r.lines, string(line))
		}
	}
	r.cur = r.cur[:0]
}
