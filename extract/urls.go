package extract

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/refeed/refeed/internal/clean"
)

// resolver makes link and image URLs absolute against the document base.
type resolver struct {
	base *url.URL
	// Results by reference and by srcset: each heuristic pass cleans
	// a fresh copy of the page's links.
	absMemo, srcsetMemo map[string]string
}

// newResolver returns a resolver for a page at pageURL whose <head> may
// carry a <base href>.
func newResolver(pageURL *url.URL, head *html.Node) *resolver {
	base := pageURL
	if head != nil {
		if b := findElement(head, atom.Base); b != nil {
			if href := strings.TrimSpace(getAttr(b, "href")); href != "" {
				if u, err := resolve(pageURL, href); err == nil {
					base = u
				}
			}
		}
	}
	return &resolver{base: base}
}

func resolve(base *url.URL, ref string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(ref))
	if err != nil {
		return nil, err
	}
	if base == nil {
		return u, nil
	}
	return base.ResolveReference(u), nil
}

// abs returns ref made absolute, or "" when it cannot be parsed. A
// fragment-only ref ("#note") points into the page itself, whose ids the
// sanitizer drops, so it too becomes the page's absolute URL.
func (r *resolver) abs(ref string) string {
	if v, ok := r.absMemo[ref]; ok {
		return v
	}
	v := ""
	if u, err := resolve(r.base, ref); err == nil {
		v = u.String()
	}
	if r.absMemo == nil {
		r.absMemo = make(map[string]string)
	}
	r.absMemo[ref] = v
	return v
}

// fixAll rewrites the URL attributes of nodes and of every element under
// them. It runs once, on the content chosen, rather than on every copy a
// pass cleans: cleaning reads no URL.
func (r *resolver) fixAll(nodes []*html.Node) {
	for _, n := range nodes {
		if n.Type == html.ElementNode {
			r.fix(n)
		}
		walkElementsUntil(n, func(e *html.Node) bool {
			r.fix(e)
			return false
		})
	}
}

// fix rewrites the URL attributes of n.
func (r *resolver) fix(n *html.Node) {
	switch n.DataAtom {
	case atom.A:
		if href := getAttr(n, "href"); href != "" {
			setURLAttr(n, "href", r.abs(href))
		}
	case atom.Img:
		if src := getAttr(n, "src"); src != "" {
			setURLAttr(n, "src", r.abs(src))
		}
		if set := getAttr(n, "srcset"); set != "" {
			setURLAttr(n, "srcset", r.srcset(set))
		}
	}
}

// setURLAttr sets a URL attribute, or drops it when the value is empty
// (a srcset whose every candidate was dropped) or longer than
// clean.MaxURLLength: such a URL is no working link, and would be
// republished in every output format.
func setURLAttr(n *html.Node, key, val string) {
	if val == "" || !clean.URLFits(val) {
		removeAttr(n, key)
		return
	}
	setAttr(n, key, val)
}

// srcset resolves every URL of a srcset list and drops candidates that are
// not http(s) URLs, since the sanitizer does not look inside srcset. URLs
// may hold commas; a candidate ends at a comma after whitespace or at the
// end of its descriptors, as the HTML spec reads it.
func (r *resolver) srcset(set string) string {
	if v, ok := r.srcsetMemo[set]; ok {
		return v
	}
	v := r.resolveSrcset(set)
	if r.srcsetMemo == nil {
		r.srcsetMemo = make(map[string]string)
	}
	r.srcsetMemo[set] = v
	return v
}

func (r *resolver) resolveSrcset(set string) string {
	var out []string
	for _, c := range splitSrcset(set) {
		u, err := resolve(r.base, c.url)
		if err != nil || u.Scheme != "http" && u.Scheme != "https" {
			continue
		}
		out = append(out, strings.TrimSpace(u.String()+" "+c.descriptor))
	}
	return strings.Join(out, ", ")
}

type srcsetCandidate struct{ url, descriptor string }

func splitSrcset(s string) []srcsetCandidate {
	var out []srcsetCandidate
	for {
		s = strings.TrimLeft(s, " \t\n\r\f,")
		if s == "" {
			return out
		}
		end := strings.IndexAny(s, " \t\n\r\f")
		if end < 0 {
			end = len(s)
		}
		c := srcsetCandidate{url: s[:end]}
		s = s[end:]
		if strings.HasSuffix(c.url, ",") {
			c.url = strings.TrimRight(c.url, ",")
		} else {
			d, rest, _ := strings.Cut(s, ",")
			c.descriptor, s = strings.TrimSpace(d), rest
		}
		out = append(out, c)
	}
}
