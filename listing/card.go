package listing

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxCardDepth bounds how far above a link its card is looked for.
const maxCardDepth = 6

// multi marks an element holding links to more than one URL.
const multi = "\x00"

// owners maps the elements around links to the one URL they link to, or
// multi. A link's card is the largest element around it that links
// nowhere else (see card): the teaser with its headline, image and date.
type owners map[*html.Node]string

// addOwners records the elements above each anchor, up to maxCardDepth.
func addOwners(as []anchor) owners {
	o := owners{}
	for _, a := range as {
		n := a.node
		for range maxCardDepth {
			if n = n.Parent; n == nil {
				break
			}
			switch got, ok := o[n]; {
			case !ok:
				o[n] = a.url
			case got != a.url:
				o[n] = multi
			}
		}
	}
	return o
}

// card returns the largest element around a that links only to a.url.
func (o owners) card(a anchor) *html.Node {
	n := a.node
	for range maxCardDepth {
		p := n.Parent
		if p == nil || p.Type != html.ElementNode || p.DataAtom == atom.Body || o[p] != a.url {
			break
		}
		n = p
	}
	return n
}

// maxTitleWords is the length beyond which a link's text is a whole
// teaser (headline, summary, date) rather than a headline.
const maxTitleWords = 40

// title finds the headline of link a in its card: a heading inside the
// link, the link's text, its title attribute, a heading in the card, the
// alt text of its image; the first that ok accepts wins. A link wrapping
// a whole teaser without a heading gives its text cut to maxTitleWords.
func title(a, card *html.Node, ok func(string) bool) string {
	linkText := text(a)
	candidates := []func() string{
		func() string { return headingText(a) },
		func() string {
			if len(strings.Fields(linkText)) > maxTitleWords {
				return ""
			}
			return linkText
		},
		func() string { return strings.Join(strings.Fields(attr(a, "title")), " ") },
		func() string { return headingText(card) },
		func() string { return imageAlt(a) },
	}
	for _, c := range candidates {
		if t := c(); t != "" && ok(t) {
			return t
		}
	}
	if w := strings.Fields(linkText); len(w) > maxTitleWords {
		return strings.Join(w[:maxTitleWords], " ") + " …"
	}
	return ""
}

// headingText returns the text of the first heading inside n (n itself
// included), or "".
func headingText(n *html.Node) string {
	if h := findFirst(n, func(c *html.Node) bool {
		switch c.DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			return true
		}
		return false
	}); h != nil {
		return text(h)
	}
	if h := findFirst(n, isHeading); h != nil {
		return text(h)
	}
	return ""
}

func imageAlt(n *html.Node) string {
	if img := findFirst(n, func(c *html.Node) bool { return c.DataAtom == atom.Img }); img != nil {
		return strings.Join(strings.Fields(attr(img, "alt")), " ")
	}
	return ""
}

// findFirst returns the first element at or below n that match accepts.
func findFirst(n *html.Node, match func(*html.Node) bool) *html.Node {
	if n.Type == html.ElementNode && match(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findFirst(c, match); f != nil {
			return f
		}
	}
	return nil
}

// imageAttrs are where lazy-loading scripts keep the real image URL,
// before the src that may hold a placeholder.
var imageAttrs = []string{"data-src", "data-lazy-src", "data-original", "data-lazy", "src"}

// image returns the absolute URL of the first image in the link or else
// in its card, or "".
func (p *page) image(a, card *html.Node) string {
	isImg := func(c *html.Node) bool { return c.DataAtom == atom.Img }
	img := findFirst(a, isImg)
	if img == nil {
		img = findFirst(card, isImg)
	}
	if img == nil {
		return ""
	}
	for _, k := range imageAttrs {
		v := strings.TrimSpace(attr(img, k))
		if v == "" || strings.HasPrefix(v, "data:") {
			continue
		}
		if u, err := p.base.Parse(v); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
			return u.String()
		}
	}
	if set := strings.Fields(attr(img, "srcset")); len(set) > 0 {
		if u, err := p.base.Parse(set[0]); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
			return u.String()
		}
	}
	return ""
}
