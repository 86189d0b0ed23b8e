package extract

import (
	"strings"
	"sync"

	"golang.org/x/net/html"
)

// The class/id vocabulary below is matched as lowercase substrings of each
// class name and id, the way names are written in practice
// ("articleComments", "share-bar", "sidebar_widget"). The lists are general
// web vocabulary, not tied to any one site.

// unlikelyHints mark page chrome; an element whose class or id holds one is
// dropped before scoring unless it also holds a maybeHints word.
var unlikelyHints = [...]string{
	"ad-break", "agegate", "banner", "breadcrumb", "combx", "comment",
	"community", "cover-wrap", "disqus", "extra", "footer", "gdpr", "header",
	"legends", "menu", "related", "remark", "replies", "rss", "shoutbox",
	"sidebar", "skyscraper", "social", "sponsor", "supplemental", "pagination",
	"pager", "popup", "share", "newsletter", "subscribe", "cookie", "consent",
	"promo", "outbrain", "taboola", "recommend", "trending", "mostread",
	"most-read", "most_read", "popular", "widget", "signup", "modal",
	"navbar", "topbar", "ticker", "telegram", "whatsapp", "follow-us",
	"author-bio", "login", "toolbar", "masthead", "dialog",
}

// strongHints are chrome words that win even over maybeHints: an
// "article-comments" box is still comments. "newsletter" is not one:
// newsletter platforms class their posts so ("newsletter-post post").
var strongHints = [...]string{
	"comment", "disqus", "share", "sharing", "social", "related",
	"subscribe", "cookie", "outbrain", "taboola", "recommend", "mostread",
	"most-read", "most_read", "ticker", "telegram", "whatsapp", "breadcrumb",
	"advert", "sponsor", "gdpr", "consent", "popup", "follow-us", "tooltip",
	"popover", "hovercard",
}

// maybeHints rescue an element that also matches an unlikely word.
var maybeHints = [...]string{
	"and", "article", "body", "column", "content", "main", "shadow", "post",
	"story", "entry", "text", "detail", "mathjax",
}

// hiddenHints mark elements that are hidden or meant for screen readers only.
var hiddenHints = [...]string{
	"sr-only", "screen-reader", "visually-hidden", "visuallyhidden",
	"element-invisible", "offscreen",
}

// negativeHints lower a candidate's score.
var negativeHints = [...]string{
	"-ad-", "banner", "combx", "comment", "com-", "contact", "footer",
	"gdpr", "masthead", "media", "meta", "outbrain", "promo", "related",
	"scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor",
	"shopping", "tags", "widget", "byline", "author", "social", "nav",
	"subscribe", "newsletter", "recommend", "caption", "credit",
}

// positiveHints raise a candidate's score.
var positiveHints = [...]string{
	"article", "body", "content", "entry", "hentry", "h-entry", "main",
	"page", "post", "text", "blog", "story", "detail",
}

// hint is what an element's class and id say about it.
type hint struct {
	weight   int  // +25 when a positive word appears, -25 for a negative one
	unlikely bool // chrome, unless rescued
	strong   bool // chrome, even when rescued
	hidden   bool
	embed    bool // an embedded post or tweet
	rescued  bool // an unlikely word rescued by a maybe word ("text-widget"), or by its place (inContext)
}

// wordHint is what one class name or id says.
type wordHint struct {
	negative, positive, unlikely, strong, maybe, hidden, embed bool
}

func (w *wordHint) or(o wordHint) {
	w.negative = w.negative || o.negative
	w.positive = w.positive || o.positive
	w.unlikely = w.unlikely || o.unlikely
	w.strong = w.strong || o.strong
	w.maybe = w.maybe || o.maybe
	w.hidden = w.hidden || o.hidden
	w.embed = w.embed || o.embed
}

// hints classifies class names and ids, remembering each distinct name and
// each distinct class attribute: pages repeat the same few on many
// elements.
type hints struct {
	memo    map[string]wordHint // by class name or id
	classes map[string]wordHint // by whole class attribute
}

func newHints() *hints {
	return &hints{memo: make(map[string]wordHint, 256), classes: make(map[string]wordHint, 256)}
}

// of returns the hint for element n. The id of a heading is not read: it
// is the anchor that a table of contents links to, made from the
// heading's own words ("h-what-is-social-fare-pricing",
// "how-riders-share-the-cost"), and says what the section is about, not
// that it is chrome.
func (h *hints) of(n *html.Node) hint {
	var w wordHint
	for _, a := range n.Attr {
		switch a.Key {
		case "class":
			w.or(h.class(a.Val))
		case "id":
			if a.Val != "" && !isHeading(n.DataAtom) {
				w.or(h.word(a.Val))
			}
		}
	}
	v := hint{
		unlikely: w.strong || w.unlikely && !w.maybe,
		strong:   w.strong,
		hidden:   w.hidden,
		embed:    w.embed,
		rescued:  w.unlikely && w.maybe && !w.strong,
	}
	if w.negative {
		v.weight -= 25
	}
	if w.positive {
		v.weight += 25
	}
	return v
}

// inContext returns the hint for element n as its place qualifies it: the
// only element of a parent whose class names were rescued from chrome by
// a word of content (a page builder's "widget-text-editor" around its
// "widget-container") is rescued too, since it is named after its parent
// and is what the parent holds. Its weight stays: the cleaning weighs its
// text as that of any box a weak chrome word names.
func (h *hints) inContext(n *html.Node) hint {
	v := h.of(n)
	if !v.unlikely || v.strong {
		return v
	}
	if p := n.Parent; p != nil && p.Type == html.ElementNode && isWrapperOf(p, n) {
		if ph := h.of(p); ph.rescued {
			v.unlikely, v.rescued = false, true
		}
	}
	return v
}

// class returns what the class names of one class attribute say together.
// Whole attributes are remembered before they are split: a page repeats
// the same few on many elements, and one lookup costs less than a scan
// for spaces.
func (h *hints) class(val string) wordHint {
	if v, ok := h.classes[val]; ok {
		return v
	}
	var v wordHint
	for rest := val; rest != ""; {
		var name string
		name, rest = nextWord(rest)
		if name != "" && !isPostClass(name) {
			v.or(h.word(name))
		}
	}
	h.classes[val] = v
	return v
}

// postClassPrefixes open the class names a blog platform gives a post to
// describe it: each category and tag it is filed under
// ("category-social-media", "tag-recommendations", WordPress's
// post_class) and what it has ("has-comments", "has-post-thumbnail").
// They say what the post is about or holds, not what its box is, and
// nothing of chrome.
var postClassPrefixes = [...]string{"category-", "tag-", "has-"}

// isPostClass reports whether the class name describes the post (see
// postClassPrefixes).
func isPostClass(name string) bool {
	for _, p := range postClassPrefixes {
		if len(name) > len(p) && strings.EqualFold(name[:len(p)], p) {
			return true
		}
	}
	return false
}

// nextWord splits the first space-separated word off s without allocating.
func nextWord(s string) (word, rest string) {
	i := 0
	for i < len(s) && isHTMLSpace(s[i]) {
		i++
	}
	j := i
	for j < len(s) && !isHTMLSpace(s[j]) {
		j++
	}
	return s[i:j], s[j:]
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

func (h *hints) word(name string) wordHint {
	if v, ok := h.memo[name]; ok {
		return v
	}
	v := hintMatcher().match(strings.ToLower(name))
	if v.embed {
		// An embedded post or tweet ("social-media-embed") quotes a source.
		v.negative, v.unlikely, v.strong = false, false, false
	}
	h.memo[name] = v
	return v
}

// matcher finds the hint words inside a class name in one scan: it groups
// the words by their first two bytes, so each position of the name costs
// one table load, and a comparison only where a word may start, instead of
// one substring search per word.
type matcher struct {
	group  [1 << 16]uint8 // by first two bytes: 1 + the index in groups, 0 for none
	groups [][]hintWord
}

// hintWord is one word of the lists and all that it says.
type hintWord struct {
	word string
	hint wordHint
}

// hintMatcher is built once; it is never modified afterwards.
var hintMatcher = sync.OnceValue(func() *matcher {
	words := map[string]wordHint{}
	var order []string
	add := func(list []string, set func(*wordHint)) {
		for _, w := range list {
			v, ok := words[w]
			if !ok {
				order = append(order, w)
			}
			set(&v)
			words[w] = v
		}
	}
	add(negativeHints[:], func(v *wordHint) { v.negative = true })
	add(positiveHints[:], func(v *wordHint) { v.positive = true })
	add(unlikelyHints[:], func(v *wordHint) { v.unlikely = true })
	add(strongHints[:], func(v *wordHint) { v.strong = true })
	add(maybeHints[:], func(v *wordHint) { v.maybe = true })
	add(hiddenHints[:], func(v *wordHint) { v.hidden = true })
	add([]string{"embed"}, func(v *wordHint) { v.embed = true })
	m := &matcher{}
	for _, w := range order {
		if len(w) < minHintWord {
			panic("extract: hint word " + w + " is shorter than minHintWord")
		}
		pair := uint16(w[0])<<8 | uint16(w[1])
		if m.group[pair] == 0 {
			if len(m.groups) == 255 {
				panic("extract: more than 255 two-byte openings of hint words")
			}
			m.groups = append(m.groups, nil)
			m.group[pair] = uint8(len(m.groups))
		}
		g := m.group[pair] - 1
		m.groups[g] = append(m.groups[g], hintWord{w, words[w]})
	}
	return m
})

// negations, right before a hint word in a class name, say the box is
// not what the word names: "unsponsored-post", "non-sponsored",
// "no-sidebar", "no_comments".
var negations = [...]string{"un", "non", "non-", "non_", "no-", "no_"}

// negated reports whether the part of a class name before a hint word
// ends with a negation: the word opens the name, or follows a separator,
// right after it.
func negated(before string) bool {
	for _, n := range negations {
		if !strings.HasSuffix(before, n) {
			continue
		}
		if rest := before[:len(before)-len(n)]; rest == "" || strings.ContainsRune("-_ ", rune(rest[len(rest)-1])) {
			return true
		}
	}
	return false
}

// minHintWord is the length of the shortest hint word.
const minHintWord = 3

func (m *matcher) match(s string) wordHint {
	var v wordHint
	for i := 0; i+minHintWord <= len(s); i++ {
		g := m.group[uint16(s[i])<<8|uint16(s[i+1])]
		if g == 0 {
			continue
		}
		for _, w := range m.groups[g-1] {
			if strings.HasPrefix(s[i:], w.word) && !negated(s[:i]) {
				v.or(w.hint)
			}
		}
	}
	return v
}
