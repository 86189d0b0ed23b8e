package extract

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// React's streaming server rendering (React 18 and later, the Next.js app
// router among others) sends a page in parts. The first part is the page's
// shell, with a placeholder where a part is still loading: a
// <template id="B:1"> inside a Suspense boundary, between the comments
// <!--$?--> and <!--/$-->, or a <template id="P:1"> for a bare segment.
// Each later part arrives at the end of the body as a hidden
// <div id="S:1">, followed by a script call that moves it into place:
// $RC("B:1","S:1") completes a boundary, $RS("S:1","P:1") fills a segment
// ($RR is $RC with style sheets to load first). React's external runtime
// says the same with <template data-rci data-bid data-sid> and
// <template data-rsi data-sid data-pid>.
//
// A browser runs those calls; the extractor reads them, so that an
// article streamed in parts sits in the page where a reader sees it
// rather than in hidden divs the preparer drops as invisible. A page
// saved without its scripts still has the ids: a segment's placeholder
// carries its number (S:9 goes to P:9), and React numbers boundaries and
// segments so that a boundary's part most often shares it too (S:2 to
// B:2). A part that matches no placeholder is shown where it is.

// streamedCall matches the calls that place a streamed part, with the
// part's and the placeholder's ids as string literals.
var streamedCall = regexp.MustCompile(`\$R([CRS])\("([BSP]:[0-9A-Za-z_-]+)","([BSP]:[0-9A-Za-z_-]+)"`)

// streamedMove is one placement: the hidden part with id part goes where
// the placeholder with id target is.
type streamedMove struct {
	part, target string
}

// placeStreamedParts moves the hidden parts of a streamed page, the
// body's direct children, to their placeholders, in the order the page's
// calls name them. A part no call names stays where it is.
func placeStreamedParts(body *html.Node) {
	parts := map[string]*html.Node{}
	var order []string // the parts' ids in page order
	var moves []streamedMove
	for c := body.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Div:
			if id := getAttr(c, "id"); strings.HasPrefix(id, "S:") && hasAttrKey(c, "hidden") {
				parts[id] = c
				order = append(order, id)
			}
		case atom.Script:
			if c.FirstChild == nil || !strings.Contains(c.FirstChild.Data, "$R") {
				continue
			}
			for _, m := range streamedCall.FindAllStringSubmatch(c.FirstChild.Data, -1) {
				if m[1] == "S" {
					moves = append(moves, streamedMove{part: m[2], target: m[3]})
				} else {
					moves = append(moves, streamedMove{part: m[3], target: m[2]})
				}
			}
		case atom.Template:
			switch {
			case hasAttrKey(c, "data-rci"):
				moves = append(moves, streamedMove{part: getAttr(c, "data-sid"), target: getAttr(c, "data-bid")})
			case hasAttrKey(c, "data-rsi"):
				moves = append(moves, streamedMove{part: getAttr(c, "data-sid"), target: getAttr(c, "data-pid")})
			}
		}
	}
	if len(parts) == 0 {
		return
	}
	placeholders := map[string]*html.Node{}
	var index func(n *html.Node)
	index = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.Template {
				if id := getAttr(c, "id"); strings.HasPrefix(id, "B:") || strings.HasPrefix(id, "P:") {
					placeholders[id] = c
				}
			}
			index(c)
		}
	}
	index(body)
	for _, id := range order {
		n := strings.TrimPrefix(id, "S:")
		moves = append(moves, streamedMove{part: id, target: "P:" + n}, streamedMove{part: id, target: "B:" + n})
	}
	for _, m := range moves {
		part, at := parts[m.part], placeholders[m.target]
		if part == nil || at == nil || at.Parent == nil || !strings.HasPrefix(m.part, "S:") || contains(part, at) {
			continue // a placeholder inside its own part would make a cycle
		}
		delete(parts, m.part)
		delete(placeholders, m.target)
		placeStreamedPart(part, at)
	}
	for _, id := range order {
		if part := parts[id]; part != nil {
			removeAttr(part, "hidden")
		}
	}
}

// placeStreamedPart moves the children of part to the placeholder at,
// and drops part and at.
func placeStreamedPart(part, at *html.Node) {
	end := at
	if strings.HasPrefix(getAttr(at, "id"), "B:") {
		end = clearBoundary(at)
	}
	for c := part.FirstChild; c != nil; {
		next := c.NextSibling
		part.RemoveChild(c)
		end.Parent.InsertBefore(c, end)
		c = next
	}
	removeNode(part)
	if end == at {
		removeNode(at)
	}
}

// clearBoundary removes a Suspense boundary's placeholder and its loading
// fallback: the template and its siblings up to the boundary's closing
// <!--/$--> comment, which it returns. Without such a comment it returns
// the template itself, left in place.
func clearBoundary(tpl *html.Node) *html.Node {
	depth := 0
	for n := tpl.NextSibling; n != nil; n = n.NextSibling {
		if n.Type != html.CommentNode {
			continue
		}
		switch n.Data {
		case "$", "$?", "$!":
			depth++
		case "/$":
			if depth > 0 {
				depth--
				continue
			}
			for c := tpl; c != n; {
				next := c.NextSibling
				removeNode(c)
				c = next
			}
			return n
		}
	}
	return tpl
}
