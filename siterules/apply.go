package siterules

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"

	"golang.org/x/net/html"
)

// BodyID is the id of the element Apply puts the selected body nodes in;
// BodySelector is the CSS selector for it, for a caller that has only the
// rendered Applied.HTML. A caller with Applied.Doc passes Applied.Body,
// the element itself, as extract.Options.Body instead.
const (
	BodyID       = "refeed-siterules-body"
	BodySelector = "#" + BodyID
)

// Applied is the result of applying a Site to one page.
type Applied struct {
	// HTML is the cleaned page: a whole document with the original <head>.
	// When a body rule matched, <body> holds only the selected nodes,
	// inside one element with id BodyID; otherwise it holds the original
	// body with the strip rules applied. ApplyDoc leaves it nil.
	HTML []byte
	// Doc is the cleaned page as a parsed document, which the caller may
	// change (see ApplyDoc).
	Doc *html.Node

	// Body is the element of Doc holding the nodes a body rule selected,
	// for extract.Options.Body; nil when no body rule matched (the
	// extractor's heuristics then find the article in the stripped page).
	Body *html.Node
	// Selector is BodySelector when a body rule matched, else "": Body
	// for a caller reading the rendered HTML.
	Selector string

	Title   string   // from the first title rule that yields text
	Date    string   // as written on the page; the caller parses it (extract.ParseDate)
	Authors []string // from every author rule, in order, without repeats

	// SinglePageURL and NextPageURL are the targets of the first
	// single_page_link and next_page_link matches, resolved against the
	// page URL; nil when there is none. Following them is up to the caller.
	SinglePageURL *url.URL
	NextPageURL   *url.URL
}

// Apply runs the site's rules on page (UTF-8 HTML, as fetch returns it): the
// find/replace pairs on the raw text, then, on the parsed document, the
// title/date/author and page-link rules, the strip rules and the body
// rules, in that order (see the package doc for each directive). pageURL
// resolves relative page links and may be nil. A nil Site returns page
// unchanged with an empty Selector. Apply does not modify page.
func (s *Site) Apply(page []byte, pageURL *url.URL) (*Applied, error) {
	if s == nil {
		return &Applied{HTML: page}, nil
	}
	a, err := s.ApplyDoc(page, pageURL)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.Grow(len(page))
	if err := html.Render(&buf, a.Doc); err != nil {
		return nil, fmt.Errorf("siterules: %s: render page: %w", s.Name, err)
	}
	a.HTML = buf.Bytes()
	return a, nil
}

// ApplyDoc is Apply without rendering the cleaned page: Applied.Doc holds
// it, for an extractor that takes a parsed document (extract.ExtractNode),
// which saves rendering and parsing the page again. A nil Site is an
// error here, as there is no document to return.
func (s *Site) ApplyDoc(page []byte, pageURL *url.URL) (*Applied, error) {
	if s == nil {
		return nil, errors.New("siterules: ApplyDoc on a nil Site")
	}
	// Scripting off, as in extract and in the parsers Full-Text RSS uses:
	// <noscript> holds markup that rules may select.
	doc, err := html.ParseWithOptions(bytes.NewReader(s.replaceAll(page)), html.ParseOptionEnableScripting(false))
	if err != nil {
		return nil, fmt.Errorf("siterules: %s: parse page: %w", s.Name, err)
	}
	a := &Applied{Doc: doc}
	s.readMetadata(doc, a)
	a.SinglePageURL = firstLink(doc, s.SinglePageLink, pageURL)
	a.NextPageURL = firstLink(doc, s.NextPageLink, pageURL)
	s.clean(doc)
	if body := s.selectBody(doc); len(body) > 0 {
		if a.Body = wrapBody(doc, body); a.Body != nil {
			a.Selector = BodySelector
		}
	}
	return a, nil
}

// replaceAll applies the find/replace pairs in order, each to the output of
// the one before, as Full-Text RSS does.
func (s *Site) replaceAll(page []byte) []byte {
	out := page
	for _, r := range s.Replace {
		if bytes.Contains(out, []byte(r.Find)) {
			out = bytes.ReplaceAll(out, []byte(r.Find), []byte(r.Replace))
		}
	}
	return out
}

// readMetadata fills a's title, date and authors.
func (s *Site) readMetadata(doc *html.Node, a *Applied) {
	a.Title = firstText(doc, s.Title)
	a.Date = firstText(doc, s.Date)
	seen := map[string]bool{}
	for _, x := range s.Author {
		for _, v := range x.strings(doc) {
			if !seen[v] {
				seen[v] = true
				a.Authors = append(a.Authors, v)
			}
		}
	}
}

// firstText returns the first text any of xs yields.
func firstText(doc *html.Node, xs []XPath) string {
	for _, x := range xs {
		if v := x.strings(doc); len(v) > 0 {
			return v[0]
		}
	}
	return ""
}
