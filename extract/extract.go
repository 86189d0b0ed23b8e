package extract

import (
	"fmt"
	"io"
	"net/url"
	"time"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Rule is a per-site extraction rule from sources.yaml: when Body is set it
// decides where the article is, and Strip removes elements inside it. Build
// it with CompileRule, or call Validate, to catch bad selectors early; a
// literal Rule is compiled on each Extract.
type Rule struct {
	Body  string   // CSS selector of the article body
	Strip []string // CSS selectors of elements to remove

	body  cascadia.Matcher
	strip []cascadia.Matcher
}

// minArticleChars is the text length under which the heuristics try again
// with less aggressive cleaning, and keep the longest result. It is low
// enough that a short news brief is kept rather than traded for a longer
// block of comments that a less careful pass would find.
const minArticleChars = 250

// Options are what a caller knows about a site beyond its page.
type Options struct {
	// Rule, when set, says where the article is (see Rule).
	Rule *Rule
	// Location is the time zone of dates the page writes without one;
	// nil means UTC. News sites often print local time with no zone.
	Location *time.Location
	// Page is which page of an article split over pages this one is: 1
	// (or 0) for the first. The extractor looks for a link to page Page+1
	// (see Article.NextPage).
	Page int
	// Pages, when set, says where the page links are; nil leaves finding
	// the next page to the heuristics.
	Pages *PageLinks
	// Body, when set, is the element of the document that holds the
	// article, picked by the caller (site rules: siterules.Applied.Body).
	// The extractor cleans it without second-guessing the choice, as it
	// does a Rule's body. Only ExtractNode takes it, and it must be a node
	// of the document ExtractNode is given.
	Body *html.Node
}

// Extract reads a UTF-8 HTML page and returns its article. pageURL is the
// final URL of the page, used to resolve relative links; rule may be nil.
// A page without a findable article gives an error wrapping ErrNoArticle.
func Extract(r io.Reader, pageURL *url.URL, rule *Rule) (*Article, error) {
	return ExtractWith(r, pageURL, Options{Rule: rule})
}

// ExtractWith is Extract with every option.
func ExtractWith(r io.Reader, pageURL *url.URL, opts Options) (*Article, error) {
	root, err := parse(r)
	if err != nil {
		return nil, err
	}
	return ExtractNode(root, pageURL, opts)
}

// ExtractNode is ExtractWith on a document already parsed (with scripting
// off, as Extract parses: <noscript> must hold markup). It changes the
// document.
func ExtractNode(root *html.Node, pageURL *url.URL, opts Options) (*Article, error) {
	if root == nil {
		return nil, fmt.Errorf("%w: no document", ErrNoArticle)
	}
	if body := findElement(root, atom.Body); body != nil {
		placeStreamedParts(body)
	}
	loc := opts.Location
	if loc == nil {
		loc = time.UTC
	}
	idx := indexPage(root)
	repairMojibake(root, idx)
	meta := metadataOf(idx, pageURL, loc)
	rule := opts.Rule
	var nodes []*html.Node
	var links pageFinder
	var err error
	switch {
	case opts.Body != nil:
		if top(opts.Body) != root {
			return nil, fmt.Errorf("extract: Options.Body is not a node of the document")
		}
		nodes = picked(root, pageURL, []*html.Node{opts.Body}, meta, links.finder(root, pageURL, opts))
	case rule != nil && (rule.Body != "" || len(rule.Strip) > 0):
		nodes, err = byRule(root, pageURL, rule, meta, links.finder(root, pageURL, opts))
	default:
		nodes, err = byHeuristics(root, pageURL, meta, links.finder(root, pageURL, opts))
	}
	if err != nil {
		return nil, err
	}
	a, err := newArticle(nodes, pageURL, meta)
	if err == nil {
		a.SinglePage, a.NextPage = links.single, links.next
	}
	return a, err
}

// pageFinder keeps the page links found in the content the extractor
// chose, before cleaning drops the pager.
type pageFinder struct{ single, next string }

// finder returns the function byRule and byHeuristics call with the
// content they chose, in the page as it was.
func (f *pageFinder) finder(root *html.Node, pageURL *url.URL, opts Options) func([]*html.Node) {
	return func(content []*html.Node) {
		f.single, f.next = pageLinks(root, content, pageURL, opts)
	}
}

// parse reads the document with scripting off, so that <noscript> holds
// markup (image fallbacks) rather than text.
func parse(r io.Reader) (*html.Node, error) {
	root, err := html.ParseWithOptions(r, html.ParseOptionEnableScripting(false))
	if err != nil {
		return nil, fmt.Errorf("extract: parse html: %w", err)
	}
	return root, nil
}

// byRule extracts the elements a site rule selects, and cleans them
// without second-guessing the choice. found sees them before cleaning.
func byRule(root *html.Node, pageURL *url.URL, rule *Rule, meta Metadata, found func([]*html.Node)) ([]*html.Node, error) {
	body, strip, err := rule.compiled()
	if err != nil {
		return nil, err
	}
	applyStrip(root, strip)
	if body == nil {
		return byHeuristics(root, pageURL, meta, found)
	}
	nodes := ruleBody(root, body)
	if len(nodes) == 0 {
		return nil, fmt.Errorf("%w: %w: %q", ErrNoArticle, ErrRuleNoMatch, rule.Body)
	}
	return picked(root, pageURL, nodes, meta, found), nil
}

// picked cleans the nodes a rule or the caller chose as the article,
// without second-guessing the choice. found sees them before cleaning.
func picked(root *html.Node, pageURL *url.URL, nodes []*html.Node, meta Metadata, found func([]*html.Node)) []*html.Node {
	found(nodes)
	h := newHints()
	p := newPreparer(h)
	c := newCleaner(h, root, pageURL, meta, false)
	for _, n := range nodes {
		p.walk(n, false, false)
		c.clean(n, false)
	}
	c.urls.fixAll(nodes)
	return nodes
}

// top returns the root of the tree n belongs to.
func top(n *html.Node) *html.Node {
	for n.Parent != nil {
		n = n.Parent
	}
	return n
}

func newCleaner(h *hints, root *html.Node, pageURL *url.URL, meta Metadata, conditional bool) *cleaner {
	return &cleaner{
		hints:       h,
		conditional: conditional,
		title:       normalizePhrase(meta.Title),
		author:      normalizePhrase(meta.Byline),
		urls:        newResolver(pageURL, findElement(root, atom.Head)),
	}
}
