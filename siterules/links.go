package siterules

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// firstLink returns the target of the first node any of xs selects: an
// href (or src) attribute selected directly, or the href of a selected
// element. Only http and https targets count.
func firstLink(doc *html.Node, xs []XPath, base *url.URL) *url.URL {
	for _, x := range xs {
		for _, m := range x.matches(doc) {
			if u := resolve(linkValue(m), base); u != nil {
				return u
			}
		}
	}
	return nil
}

func linkValue(m match) string {
	if m.n == nil || m.n.Type != html.ElementNode {
		return ""
	}
	if m.attr != "" {
		return attr(m.n, m.attr)
	}
	return attr(m.n, "href")
}

func resolve(ref string, base *url.URL) *url.URL {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil
	}
	u, err := url.Parse(ref)
	if err != nil {
		return nil
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil
	}
	return u
}

// attr returns n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}
