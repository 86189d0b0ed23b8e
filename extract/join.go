package extract

import (
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Join makes one article of the pages of an article split over pages, in
// order: the first page's metadata with every page's body. What a later
// page repeats of the pages before it (the headline, the byline, the lead
// image, a share bar) is left out, and so is the pager: a block made
// mostly of links to the joined pages. A single page comes back as it is,
// without its page links.
func Join(pages []*Article) (*Article, error) {
	if len(pages) == 0 {
		return nil, fmt.Errorf("%w: no pages to join", ErrNoArticle)
	}
	out := *pages[0]
	out.SinglePage, out.NextPage = "", ""
	if len(pages) == 1 {
		return &out, nil
	}
	j := joiner{pageURLs: map[string]bool{}, seen: map[string]bool{}, images: map[string]bool{}}
	for _, p := range pages {
		j.pageURLs[p.URL], j.pageURLs[p.NextPage] = true, true
	}
	delete(j.pageURLs, "")
	j.seen[normalizePhrase(out.Title)] = true
	j.seen[normalizePhrase(out.Byline)] = true
	j.images[out.Image] = true
	var nodes []*html.Node
	for i, p := range pages {
		blocks, err := html.ParseFragment(strings.NewReader(p.HTML), &html.Node{Type: html.ElementNode, DataAtom: atom.Div, Data: "div"})
		if err != nil {
			return nil, fmt.Errorf("extract: join page %d: %w", i+1, err)
		}
		if i > 0 {
			nodes = append(nodes, &html.Node{Type: html.TextNode, Data: "\n"})
		}
		nodes = append(nodes, j.keep(blocks, i > 0)...)
	}
	parent := &html.Node{Type: html.ElementNode, DataAtom: atom.Div, Data: "div"}
	for _, n := range nodes {
		parent.AppendChild(n)
	}
	body, err := renderHTML([]*html.Node{parent}, 0)
	if err != nil {
		return nil, fmt.Errorf("extract: render joined article: %w", err)
	}
	out.HTML, out.Text = body, renderText(nodes)
	return &out, nil
}

// joiner remembers what the pages joined so far hold.
type joiner struct {
	pageURLs map[string]bool // the joined pages: links to them make a pager
	seen     map[string]bool // block texts, normalised
	images   map[string]bool // image sources
}

// keep returns the blocks of one page worth adding: not a pager, and on a
// later page, not a repeat.
func (j *joiner) keep(blocks []*html.Node, later bool) []*html.Node {
	var out []*html.Node
	for _, b := range blocks {
		if j.isPager(b) {
			continue
		}
		key := normalizePhrase(nodeText(b))
		srcs := imageSources(b)
		if later && j.repeats(key, srcs) {
			continue
		}
		if key != "" {
			j.seen[key] = true
		}
		for _, s := range srcs {
			j.images[s] = true
		}
		out = append(out, b)
	}
	return out
}

// repeats reports whether a block of a later page adds nothing: its text
// was seen, or it has no text and only pictures already seen.
func (j *joiner) repeats(key string, srcs []string) bool {
	if key != "" {
		return j.seen[key]
	}
	if len(srcs) == 0 {
		return false
	}
	for _, s := range srcs {
		if !j.images[s] {
			return false
		}
	}
	return true
}

// isPager reports whether most of a block's text is links to the joined
// pages.
func (j *joiner) isPager(b *html.Node) bool {
	total := len(strings.TrimSpace(nodeText(b)))
	if total == 0 {
		return false
	}
	linked, hits := 0, 0
	for _, a := range elements(b, atom.A) {
		if j.pageURLs[getAttr(a, "href")] {
			hits++
			linked += len(strings.TrimSpace(nodeText(a)))
		}
	}
	return hits > 0 && linked*2 >= total
}

// imageSources lists the src of every image in n.
func imageSources(n *html.Node) []string {
	var out []string
	for _, img := range elements(n, atom.Img) {
		if s := getAttr(img, "src"); s != "" {
			out = append(out, s)
		}
	}
	return out
}
