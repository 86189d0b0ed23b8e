package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// The class/id vocabulary below is matched as lowercase substrings, the way
// class names are written in practice ("articleComments", "share-bar",
// "sidebar_widget"). The lists are general web vocabulary, not tied to any
// one site.

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
// "article-comments" box is still comments.
var strongHints = [...]string{
	"comment", "disqus", "share", "sharing", "social", "related", "newsletter",
	"subscribe", "cookie", "outbrain", "taboola", "recommend", "mostread",
	"most-read", "most_read", "ticker", "telegram", "whatsapp", "breadcrumb",
	"advert", "sponsor", "gdpr", "consent", "popup", "follow-us",
}

// maybeHints rescue an element that also matches an unlikely word.
var maybeHints = [...]string{
	"and", "article", "body", "column", "content", "main", "shadow", "post",
	"story", "entry", "text", "detail",
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
	weight   int  // +25 per positive list, -25 per negative list
	unlikely bool // chrome, unless rescued
	strong   bool // chrome, even when rescued
	hidden   bool
}

// hints classifies class/id strings, remembering each distinct string: pages
// repeat the same class names on many elements.
type hints struct {
	memo map[string]hint
}

func newHints() *hints { return &hints{memo: make(map[string]hint, 256)} }

// of returns the hint for element n.
func (h *hints) of(n *html.Node) hint {
	var class, id string
	for _, a := range n.Attr {
		switch a.Key {
		case "class":
			class = a.Val
		case "id":
			id = a.Val
		}
	}
	if class == "" && id == "" {
		return hint{}
	}
	key := class + " " + id
	if v, ok := h.memo[key]; ok {
		return v
	}
	v := classify(strings.ToLower(key))
	h.memo[key] = v
	return v
}

func classify(s string) hint {
	var v hint
	if containsAny(s, negativeHints[:]) {
		v.weight -= 25
	}
	if containsAny(s, positiveHints[:]) {
		v.weight += 25
	}
	maybe := containsAny(s, maybeHints[:])
	v.strong = containsAny(s, strongHints[:])
	v.unlikely = v.strong || containsAny(s, unlikelyHints[:]) && !maybe
	v.hidden = containsAny(s, hiddenHints[:])
	return v
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
