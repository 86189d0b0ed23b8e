package feeds

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"time"

	"github.com/microcosm-cc/bluemonday"
	"github.com/mmcdole/gofeed"

	"github.com/refeed/refeed/internal/clean"
	"github.com/refeed/refeed/internal/textkit"
)

// ErrNotFeed reports a document that is neither RSS, Atom nor JSON Feed.
var ErrNotFeed = errors.New("feeds: not a feed")

// Parsed is a source feed translated into refeed's model.
type Parsed struct {
	Title       string
	Link        string // canonical home page URL
	Description string // plain text
	Language    string // BCP 47, "" when the feed does not say
	Image       string // absolute URL of the feed's logo or icon
	// Format is "rss", "atom" or "json"; Version is the dialect version
	// the feed declared ("2.0", "0.91", "1.0", "1.1"...).
	Format, Version string
	Items           []Item
}

// Parser parses source feeds with one HTML sanitiser built up front. Build
// it once with NewParser and share it: it is safe for concurrent use, and
// it saves the sanitiser's construction (about half of the cost of parsing
// a small feed) on every call. The zero value is not usable.
type Parser struct {
	sanitize *bluemonday.Policy
}

// NewParser returns a Parser ready for concurrent use.
func NewParser() *Parser {
	return &Parser{sanitize: newSanitizer()}
}

// ParseOptions are what a caller knows about a source beyond its feed.
type ParseOptions struct {
	// Location is the time zone of dates the feed writes without one; nil
	// means UTC. Sites often print local time with no zone.
	Location *time.Location
}

// Parse parses body with a Parser built for this one call; see
// Parser.Parse. Callers parsing many feeds should share a NewParser.
func Parse(body []byte, feedURL string) (*Parsed, error) {
	return NewParser().Parse(body, feedURL)
}

// Parse parses a source feed in any dialect gofeed knows (RSS 0.9x, 1.0
// and 2.0, Atom 0.3 and 1.0, JSON Feed 1.0 and 1.1). body must already be
// UTF-8 (package fetch decodes it); a BOM or leading white space is fine.
// feedURL is the address the feed was fetched from; relative links are
// resolved against it.
//
// Every item gets a canonical URL, its SourceGUID (left empty when the
// document gives that GUID to items with different links: it identifies
// nothing), a stable ID (ItemID, with feedURL scoping GUIDs and titles),
// its ContentHash, plain Text, language and direction; Summary and Content
// are sanitised HTML. Items repeating an earlier item's ID are dropped. Source and FirstSeen are left
// for the caller and Merge.
//
// Parse never panics. When the document does not parse, it retries once
// after repairing the most common breakage (XML: bare '&', control
// characters; JSON Feed: authors given as plain strings) and otherwise
// returns an error naming feedURL.
func (p *Parser) Parse(body []byte, feedURL string) (*Parsed, error) {
	return p.ParseWith(body, feedURL, ParseOptions{})
}

// ParseWith is Parse with options.
func (p *Parser) ParseWith(body []byte, feedURL string, opts ParseOptions) (*Parsed, error) {
	// A feed encoded in UTF-8 twice over is read back first: the C1
	// controls its mojibake may hold are what clean.Bytes drops.
	body = repairMojibake(body)
	// A raw control character (a NUL) is no XML and no JSON: drop it, as
	// a browser's HTML parser would, instead of failing the whole feed.
	body = clean.Bytes(body)
	gf, err := parseGofeed(body)
	if err != nil && !errors.Is(err, ErrNotFeed) {
		repair := repairXML
		if b := bytes.TrimLeft(body, " \t\r\n\ufeff"); len(b) > 0 && b[0] == '{' {
			repair = repairJSON
		}
		if repaired, rerr := parseGofeed(repair(body)); rerr == nil {
			gf, err = repaired, nil
		}
	}
	if err != nil {
		return nil, fmt.Errorf("feeds: parse %s: %w", feedURL, err)
	}
	t := &translator{feedURL: feedURL, base: feedURL, sanitize: p.sanitize, loc: opts.Location}
	return t.feed(gf), nil
}

// repairMojibake returns body read back as written when its text was
// encoded in UTF-8 twice over ("doesnâ€™t"; see textkit.MojibakeCount),
// and body itself otherwise. The markup is ASCII, which the repair leaves
// alone; a feed without the byte 0xC3, which every piece of such
// mojibake starts with, is passed over at once.
func repairMojibake(body []byte) []byte {
	if bytes.IndexByte(body, 0xC3) < 0 {
		return body
	}
	s := string(body)
	if textkit.MojibakeCount(s, textkit.MinMojibake) < textkit.MinMojibake {
		return body
	}
	return []byte(textkit.RepairMojibake(s))
}

// parseGofeed runs gofeed, turning a panic inside it into an error.
func parseGofeed(body []byte) (f *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("parser panic: %v", r)
		}
	}()
	f, err = gofeed.NewParser().Parse(bytes.NewReader(body))
	if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
		return nil, fmt.Errorf("%w: %w", ErrNotFeed, err)
	}
	return f, err
}

// bareAmp matches an '&' that does not start an entity or character
// reference.
var bareAmp = regexp.MustCompile(`&([^#A-Za-z]|#[^0-9xX]|[A-Za-z][A-Za-z0-9]*[^A-Za-z0-9;]|$)`)

// repairXML escapes bare ampersands and removes characters XML forbids,
// the two faults that break most real-world feeds.
func repairXML(body []byte) []byte {
	s := clean.Text(string(body))
	for range 2 { // overlapping matches ("&&") need a second pass
		s = bareAmp.ReplaceAllString(s, "&amp;$1")
	}
	return []byte(s)
}

// newSanitizer returns the allowlist applied to HTML from source feeds:
// bluemonday's user-generated-content policy plus the dir and lang
// attributes RTL content needs. It is built per Parser so the package
// holds no shared state; a built policy is safe for concurrent use.
func newSanitizer() *bluemonday.Policy {
	p := bluemonday.UGCPolicy()
	p.AllowAttrs("dir", "lang").Globally()
	p.RequireNoFollowOnLinks(false)
	return p
}
