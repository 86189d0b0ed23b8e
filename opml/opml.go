// Package opml reads and writes OPML 2.0 subscription lists, the format
// feed readers import and export.
//
// Parse is lenient the way real exports need: attribute names are matched
// without regard to case (xmlUrl, xmlURL, xmlurl), a missing text falls back
// to title, and the document may be in any charset its XML declaration
// names. Write always produces UTF-8 OPML 2.0.
package opml

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/net/html/charset"
)

// MaxSize is the largest document Parse reads; a subscription list of
// tens of thousands of feeds fits well within it.
const MaxSize = 16 << 20

var (
	// ErrNotOPML means the document's root element is not <opml>.
	ErrNotOPML = errors.New("opml: not an OPML document")
	// ErrTooLarge means the document is larger than MaxSize.
	ErrTooLarge = errors.New("opml: document too large")
)

// Document is an OPML file: a title and a tree of outlines.
type Document struct {
	Title    string
	Created  time.Time // zero when unknown
	Outlines []Outline
}

// Outline is one node of the tree. A feed subscription has XMLURL set; a
// folder (category) has child Outlines instead.
type Outline struct {
	Text        string
	Title       string
	Type        string // "rss" for subscriptions
	XMLURL      string
	HTMLURL     string
	Description string
	Language    string
	Outlines    []Outline
}

// Feed is a subscription found in a document, flattened out of its folders.
type Feed struct {
	// Title is the outline's text, or its title when text is empty.
	Title   string
	XMLURL  string
	HTMLURL string
	// Category is the text of the enclosing folders, joined by "/".
	Category string
	Language string
}

// Feeds returns every outline that has an xmlUrl, in document order.
func (d *Document) Feeds() []Feed {
	var out []Feed
	var walk func(os []Outline, path []string)
	walk = func(os []Outline, path []string) {
		for _, o := range os {
			if o.XMLURL != "" {
				out = append(out, Feed{Title: o.label(), XMLURL: o.XMLURL, HTMLURL: o.HTMLURL,
					Category: strings.Join(path, "/"), Language: o.Language})
			}
			if len(o.Outlines) > 0 {
				walk(o.Outlines, append(path[:len(path):len(path)], o.label()))
			}
		}
	}
	walk(d.Outlines, nil)
	return out
}

// label is what a reader shows for the outline.
func (o Outline) label() string {
	if t := strings.TrimSpace(o.Text); t != "" {
		return t
	}
	return strings.TrimSpace(o.Title)
}

// Parse reads an OPML document. It accepts OPML 1.0 and 2.0 and whatever
// charset the XML declaration names.
func Parse(r io.Reader) (*Document, error) {
	lr := &io.LimitedReader{R: r, N: MaxSize + 1}
	dec := xml.NewDecoder(lr)
	dec.CharsetReader = charset.NewReaderLabel
	dec.Strict = false
	var raw xmlOPML
	if err := dec.Decode(&raw); err != nil {
		if lr.N <= 0 {
			return nil, ErrTooLarge
		}
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("opml: empty document: %w", ErrNotOPML)
		}
		return nil, fmt.Errorf("opml: %w", err)
	}
	if lr.N <= 0 {
		return nil, ErrTooLarge
	}
	if !strings.EqualFold(raw.XMLName.Local, "opml") {
		return nil, fmt.Errorf("%w (root element <%s>)", ErrNotOPML, raw.XMLName.Local)
	}
	d := &Document{Title: strings.TrimSpace(raw.Head.Title), Outlines: fromXML(raw.Body.Outlines)}
	d.Created = parseDate(raw.Head.DateCreated)
	return d, nil
}

// parseDate reads an RFC 822 date the way OPML writes them, or returns zero.
func parseDate(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC1123Z, time.RFC1123, time.RFC822Z, time.RFC822, time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}
