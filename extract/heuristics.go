package extract

import (
	"fmt"
	"net/url"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// passFlags say how aggressive one heuristic pass is.
type passFlags struct {
	strip       bool // drop chrome by tag, role, class and id before scoring
	weight      bool // let class and id hints weigh on candidate scores
	conditional bool // drop link lists, galleries and the like from the content
}

// passes are tried in order until one finds enough text, as Readability
// does: a page whose article wrapper carries a chrome-like class name
// ("content-with-sidebar") still yields its article on a later pass.
var passes = [...]passFlags{
	{strip: true, weight: true, conditional: true},
	{strip: false, weight: true, conditional: true},
	{strip: false, weight: false, conditional: true},
	{strip: false, weight: false, conditional: false},
}

// byHeuristics finds the article by scoring the page. reparse returns a
// fresh copy of the document for each pass after the first.
func byHeuristics(root *html.Node, reparse func() (*html.Node, error), pageURL *url.URL, meta Metadata) ([]*html.Node, error) {
	var best []*html.Node
	bestChars := 0
	for i, f := range passes {
		if i > 0 {
			if reparse == nil {
				break
			}
			var err error
			if root, err = reparse(); err != nil {
				return nil, err
			}
		}
		nodes := heuristicPass(root, pageURL, meta, f)
		chars := textChars(nodes)
		if chars > bestChars {
			best, bestChars = nodes, chars
		}
		if chars >= minArticleChars {
			break
		}
	}
	if bestChars == 0 {
		return nil, fmt.Errorf("%w: no block of text found in the page body", ErrNoArticle)
	}
	return best, nil
}

// heuristicPass runs prepare, score, choose and clean once over root.
func heuristicPass(root *html.Node, pageURL *url.URL, meta Metadata, f passFlags) []*html.Node {
	body := findElement(root, atom.Body)
	if body == nil {
		return nil
	}
	h := newHints()
	(&preparer{hints: h, strip: f.strip}).walk(body, false, false)
	sc := newScorer(h, f.weight)
	sc.measure(body)
	top := sc.top(body)
	if top == nil {
		return nil
	}
	nodes := sc.content(top)
	c := newCleaner(h, root, pageURL, meta, f.conditional)
	for _, n := range nodes {
		c.clean(n, false)
	}
	return nodes
}

// textChars counts the visible characters under nodes.
func textChars(nodes []*html.Node) int {
	total := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			c, _ := measureText(n.Data)
			total += c
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return total
}
