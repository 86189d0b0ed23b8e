package extract

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// PageLinks says where a site puts the links of an article split over
// pages: CSS selectors of the link to the next page and of the link to the
// whole article on one page. Build it with CompilePageLinks.
type PageLinks struct {
	Next   string // CSS selector of the next-page link; "" leaves it to the heuristics
	Single string // CSS selector of the single-page ("print", "view all") link

	next, single cascadia.Matcher
}

// CompilePageLinks checks and compiles the selectors of a PageLinks; an
// invalid selector is an error naming it. Both may be empty.
func CompilePageLinks(next, single string) (*PageLinks, error) {
	p := &PageLinks{Next: next, Single: single}
	var err error
	if p.next, err = compileOptional(next); err != nil {
		return nil, fmt.Errorf("extract: next-page selector %q: %w", next, err)
	}
	if p.single, err = compileOptional(single); err != nil {
		return nil, fmt.Errorf("extract: single-page selector %q: %w", single, err)
	}
	return p, nil
}

func compileOptional(sel string) (cascadia.Matcher, error) {
	if sel == "" {
		return nil, nil
	}
	return cascadia.ParseGroup(sel)
}

// selected returns the target of the first element m selects that links
// somewhere over http(s): its href, or the href of the first link inside.
func selected(root *html.Node, m cascadia.Matcher, base *url.URL) string {
	if m == nil {
		return ""
	}
	for _, n := range cascadia.QueryAll(root, m) {
		if n.DataAtom != atom.A && n.DataAtom != atom.Link {
			n = findElement(n, atom.A)
		}
		if n == nil {
			continue
		}
		if u := pageLink(getAttr(n, "href"), base); u != nil {
			return u.String()
		}
	}
	return ""
}

// pageLink resolves an href against base: an absolute http(s) URL without
// its fragment, or nil.
func pageLink(href string, base *url.URL) *url.URL {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") {
		return nil
	}
	u, err := url.Parse(href)
	if err != nil {
		return nil
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil
	}
	u.Fragment, u.RawFragment = "", ""
	return u
}

// pageLinks fills the article's SinglePage and NextPage: from the
// selectors of opts.Pages when it has them, else, for NextPage, from what
// the heuristics find in or right under the content (see findNextPage).
// It must run before the content is cleaned, which drops pagers.
func pageLinks(root *html.Node, content []*html.Node, pageURL *url.URL, opts Options) (single, next string) {
	if opts.Pages != nil {
		single = selected(root, opts.Pages.single, pageURL)
		if opts.Pages.next != nil {
			return single, selected(root, opts.Pages.next, pageURL)
		}
	}
	return single, findNextPage(root, content, pageURL, max(opts.Page, 1))
}
