// Package listing finds the article links on a news site's listing page
// (a home or section page such as "آخر الأخبار") and turns them into feed
// items, for sources that publish no feed or only a partial one.
//
// Like package extract it is pure: it takes already-decoded HTML and the
// page URL, and never does HTTP. A site Rule (CSS selectors from
// sources.yaml) says where the links are; without one, heuristics find
// them: same-site links outside the page chrome (navigation, header,
// footer, sidebars, pagination, tag clouds, "most read" boxes), with a
// headline for text and a URL shaped like an article's, grouped by URL
// shape so the page's dominant kind of article link wins.
package listing

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/refeed/refeed/feeds"
)

// DefaultMax is the number of links Find and Items return when max is 0
// or less.
const DefaultMax = 50

// ErrNoLinks is returned when the page has no article links: the page is
// not a listing, or the site rule's selector matched nothing usable.
var ErrNoLinks = errors.New("listing: no article links found")

// Link is one article link found on a listing page.
type Link struct {
	// URL is the canonical article URL (see feeds.CanonicalURL).
	URL string `json:"url"`
	// Title is the headline, whitespace collapsed.
	Title string `json:"title"`
	// Image is the absolute URL of the link's thumbnail, if any.
	Image string `json:"image,omitempty"`
	// Published is the date shown beside the link: a <time datetime> in
	// its teaser, else a date written there as text ("2025/03/10 -
	// 10:15", "10 آذار 2025"), which carries no zone and is taken as
	// UTC (ItemsIn reads it in another zone). Zero when there is none.
	Published time.Time `json:"published,omitzero"`
	// zoned reports that Published was written with its zone.
	zoned bool
}

// Find returns the article links of the listing page read from r, in page
// order (listing pages put the newest first), one per canonical URL with
// the longest title seen for it, at most max of them (DefaultMax when max
// is 0 or less). pageURL is the address the page was fetched from;
// relative links resolve against it, or against the page's <base href>.
// Find never closes r.
//
// A nil rule finds links heuristically (see the package comment). With a
// rule, every link it selects is taken, on any site and of any URL shape,
// except the page itself, the site's front page, links to files (images,
// PDFs) and links without a title.
//
// The error wraps ErrNoLinks when nothing is found.
func Find(r io.Reader, pageURL *url.URL, rule *Rule, max int) ([]Link, error) {
	if pageURL == nil {
		return nil, errors.New("listing: nil page URL")
	}
	doc, err := goquery.NewDocumentFromReader(r)
	if err != nil {
		return nil, fmt.Errorf("listing: parse %s: %w", pageURL, err)
	}
	if max <= 0 {
		max = DefaultMax
	}
	p := newPage(doc, pageURL)
	var links []Link
	if rule != nil {
		links, err = p.ruleLinks(rule)
		if err != nil {
			return nil, err
		}
	} else {
		links = p.heuristicLinks()
	}
	links = dedupe(links, max)
	if len(links) == 0 {
		if rule != nil {
			return nil, fmt.Errorf("%w on %s with links selector %q", ErrNoLinks, pageURL, rule.Links)
		}
		return nil, fmt.Errorf("%w on %s", ErrNoLinks, pageURL)
	}
	return links, nil
}

// Items is Find returning feed items: each has its canonical URL, title,
// image and date, a stable ID (feeds.ItemID, scoped by pageURL) and its
// ContentHash. Source, Lang and FirstSeen are left to the caller, as
// feeds.Parse leaves them.
func Items(r io.Reader, pageURL *url.URL, rule *Rule, max int) ([]feeds.Item, error) {
	return ItemsIn(r, pageURL, rule, max, time.UTC)
}

// ItemsIn is Items reading the dates the page writes without a zone as
// times in loc (the site's own zone; nil means UTC).
func ItemsIn(r io.Reader, pageURL *url.URL, rule *Rule, max int, loc *time.Location) ([]feeds.Item, error) {
	links, err := Find(r, pageURL, rule, max)
	if err != nil {
		return nil, err
	}
	items := make([]feeds.Item, len(links))
	for i, l := range links {
		if !l.zoned && !l.Published.IsZero() && loc != nil {
			p := l.Published
			l.Published = time.Date(p.Year(), p.Month(), p.Day(), p.Hour(), p.Minute(), p.Second(), 0, loc).UTC()
		}
		items[i] = l.item(pageURL.String())
	}
	return items, nil
}

// item builds the feed item of l; source scopes an ID that has no URL,
// which a Link always has.
func (l Link) item(source string) feeds.Item {
	it := feeds.Item{
		ID:        feeds.ItemID(l.URL, "", l.Title, source),
		URL:       l.URL,
		Title:     l.Title,
		Image:     l.Image,
		Published: l.Published,
	}
	it.ContentHash = feeds.ContentHash(it)
	return it
}

// dedupe keeps the first link per URL, in order, giving it the longest
// title any copy had, and stops at max links.
func dedupe(links []Link, max int) []Link {
	at := map[string]int{}
	var out []Link
	for _, l := range links {
		if i, ok := at[l.URL]; ok {
			out[i] = merge(out[i], l)
			continue
		}
		if len(out) == max {
			continue
		}
		at[l.URL] = len(out)
		out = append(out, l)
	}
	return out
}

// merge fills the gaps of kept from a later copy of the same link and
// takes its title when longer.
func merge(kept, l Link) Link {
	if len([]rune(l.Title)) > len([]rune(kept.Title)) {
		kept.Title = l.Title
	}
	if kept.Image == "" {
		kept.Image = l.Image
	}
	if kept.Published.IsZero() {
		kept.Published, kept.zoned = l.Published, l.zoned
	}
	return kept
}
