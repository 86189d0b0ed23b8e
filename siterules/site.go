package siterules

import (
	"maps"
	"slices"
)

// Site is the parsed rule file for one host (or the merge of a host file
// with global.txt). A Site is read-only once loaded and safe for concurrent
// use; a nil *Site has no rules, and its Apply returns the page unchanged.
type Site struct {
	// Name is the file's host key: "example.com", ".example.com" or "global".
	Name string

	Body   []XPath // where the article is; the first line that matches wins
	Title  []XPath // the first that yields text wins
	Date   []XPath // the first that yields text wins
	Author []XPath // every match of every line is kept

	Strip          []XPath  // elements (or text, or attributes) to remove
	StripIDOrClass []string // remove elements whose @id or @class contains one
	StripImageSrc  []string // remove img elements whose @src contains one
	StripAttr      []XPath  // attribute nodes to remove
	Dissolve       []XPath  // elements to replace by their children
	WrapIn         []Wrap   // elements to wrap in a new element

	Replace []Replacement // applied to the raw HTML, in order

	SinglePageLink []XPath // link to the whole article on one page
	NextPageLink   []XPath // link to the next page of a multi-page article

	// Prune, Tidy and AutodetectOnFailure are the format's yes/no flags
	// (all default to yes). Apply does not act on them; see the package doc.
	Prune               bool
	Tidy                bool
	AutodetectOnFailure bool

	Tests []Test // test_url lines with their test_contains lines

	headers map[string]string // canonical header name → value
}

// Wrap is a wrap_in(tag): XPath directive.
type Wrap struct {
	Tag   string
	XPath XPath
}

// Replacement is a find_string/replace_string pair (or one
// replace_string(find): replace line).
type Replacement struct {
	Find, Replace string
}

// Test is a test_url with the test_contains strings that follow it.
type Test struct {
	URL      string
	Contains []string
}

// newSite returns an empty Site with the format's defaults.
func newSite(name string) *Site {
	return &Site{Name: name, Prune: true, Tidy: true, AutodetectOnFailure: true}
}

// Headers returns the http_header(name): value directives as a new map with
// canonical header names (User-Agent, Referer, Cookie), for the fetcher to
// send with article requests for this host. It returns nil when there are
// none.
func (s *Site) Headers() map[string]string {
	if s == nil || len(s.headers) == 0 {
		return nil
	}
	return maps.Clone(s.headers)
}

// withGlobal returns a new Site: s's rules followed by g's. s's own title,
// date, body and header values therefore take precedence; strip rules and
// replacements add up.
func (s *Site) withGlobal(g *Site) *Site {
	m := *s
	m.Body = slices.Concat(s.Body, g.Body)
	m.Title = slices.Concat(s.Title, g.Title)
	m.Date = slices.Concat(s.Date, g.Date)
	m.Author = slices.Concat(s.Author, g.Author)
	m.Strip = slices.Concat(s.Strip, g.Strip)
	m.StripIDOrClass = slices.Concat(s.StripIDOrClass, g.StripIDOrClass)
	m.StripImageSrc = slices.Concat(s.StripImageSrc, g.StripImageSrc)
	m.StripAttr = slices.Concat(s.StripAttr, g.StripAttr)
	m.Dissolve = slices.Concat(s.Dissolve, g.Dissolve)
	m.WrapIn = slices.Concat(s.WrapIn, g.WrapIn)
	m.Replace = slices.Concat(s.Replace, g.Replace)
	m.SinglePageLink = slices.Concat(s.SinglePageLink, g.SinglePageLink)
	m.NextPageLink = slices.Concat(s.NextPageLink, g.NextPageLink)
	m.headers = maps.Clone(g.headers)
	if m.headers == nil {
		m.headers = map[string]string{}
	}
	maps.Copy(m.headers, s.headers)
	return &m
}
