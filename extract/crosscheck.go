package extract

import (
	"strings"

	"github.com/refeed/refeed/extract/evaluate"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The page's own JSON-LD articleBody, when it has one, checks the choice of
// the heuristics: if the chosen content misses most of it, another
// candidate that matches it better wins, and failing that the articleBody
// text itself is the article.
const (
	minLDTokens     = 50  // a shorter articleBody is a summary, not a check
	minLDRecall     = 0.5 // below this the heuristics missed the article
	maxLDCandidates = 30  // candidates compared with the articleBody
	minLDGain       = 0.2 // how much better another candidate must match
)

// crossCheck returns nodes, or better content found with the help of the
// JSON-LD articleBody.
func crossCheck(nodes []*html.Node, sc *scorer, c *cleaner, ldBody string) []*html.Node {
	if evaluate.CountTokens(ldBody) < minLDTokens {
		return nodes
	}
	if sc == nil || len(nodes) == 0 {
		return ldParagraphs(ldBody)
	}
	current := evaluate.Compare(renderText(nodes), ldBody)
	if current.Recall() >= minLDRecall {
		return nodes
	}
	if best, f1 := sc.bestMatch(ldBody); best != nil && f1 >= current.F1()+minLDGain {
		found := cloneContent([]*html.Node{best}, sc.skip, sc.comments.leaves())
		c.clean(found[0], false)
		found = trimEdges(unwrapLayoutTables(found), c.author)
		if evaluate.Compare(renderText(found), ldBody).F1() >= current.F1()+minLDGain {
			return found
		}
	}
	return ldParagraphs(ldBody)
}

// bestMatch returns the best-scored candidate whose text matches body best.
func (s *scorer) bestMatch(body string) (*html.Node, float64) {
	ranked := s.ranked()
	var best *html.Node
	bestF1 := 0.0
	for _, n := range ranked[:min(len(ranked), maxLDCandidates)] {
		if f1 := evaluate.Compare(nodeText(n), body).F1(); f1 > bestF1 {
			best, bestF1 = n, f1
		}
	}
	return best, bestF1
}

// ldParagraphs turns articleBody text into paragraph nodes, one per line.
func ldParagraphs(body string) []*html.Node {
	parent := &html.Node{Type: html.ElementNode, DataAtom: atom.Div, Data: "div"}
	for _, line := range strings.Split(body, "\n") {
		if line = strings.TrimSpace(line); line == "" {
			continue
		}
		p := &html.Node{Type: html.ElementNode, DataAtom: atom.P, Data: "p"}
		p.AppendChild(&html.Node{Type: html.TextNode, Data: line})
		parent.AppendChild(p)
	}
	var out []*html.Node
	for c := parent.FirstChild; c != nil; c = c.NextSibling {
		out = append(out, c)
	}
	return out
}
