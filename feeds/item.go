// Package feeds parses source feeds, merges and dedupes their items, and
// renders output feeds as RSS 2.0, Atom 1.0 and JSON Feed 1.1.
//
// The package is pure: it does no HTTP and keeps no state between calls.
// Persistence of items between runs belongs to package store; the caller
// (package refresh) loads stored items, merges, and saves them back.
//
// One refresh pass uses it in this order:
//
//	parsed, err := feeds.Parse(body, feedURL)      // any RSS/Atom/JSON Feed dialect
//	todo := feeds.Pending(stored, parsed.Items)     // new or changed: extract these
//	merged := feeds.Merge(stored, parsed.Items, now) // keeps IDs, FirstSeen, dates
//	items := feeds.Select(allSourcesItems, feeds.SelectOptions{Now: now, Limit: 50, DedupeTitles: true})
//	err = feeds.WriteFiles(dir, feeds.Feed{Name: "iraq", Title: "...", Items: items})
//
// Identity: an item's ID (ItemID) derives from its canonical URL
// (CanonicalURL), so it survives title edits and the article moving between
// source feeds; ContentHash, set by Parse, detects edits by the source and
// must not be recomputed after the extracted article replaces Content.
// Output bytes depend only on the items, never on the wall clock, so an
// unchanged feed is byte-for-byte identical between runs.
package feeds

import "time"

// Item is one article as refeed knows it: parsed from a source feed,
// optionally enriched with the extracted full text, stored between runs and
// republished in output feeds.
//
// Its JSON form is a stored format, not only a convenience: package store
// keeps each item as this JSON (the items table's data column), and
// package refresh fingerprints an output feed by hashing its items' JSON.
// Renaming a json tag would orphan that field in every stored item (it
// reads back empty) and change every feed's fingerprint once. So add a
// field under a new tag, never rename or retype one;
// TestItemJSONIsTheRowFormat (testdata/item-row.json) fails when a tag
// changes.
type Item struct {
	// ID is the stable output identity (GUID / Atom id / JSON Feed id).
	// It never changes for the same article across runs, title edits or
	// the article moving between source feeds.
	ID string `json:"id"`
	// Source is the name of the source (sources.yaml) the item came from.
	Source string `json:"source"`
	// SourceGUID is the guid/id the source feed gave the item, if any.
	SourceGUID string `json:"source_guid,omitempty"`
	// URL is the canonical article URL (see CanonicalURL).
	URL string `json:"url"`

	Title      string      `json:"title"`
	Summary    string      `json:"summary,omitempty"` // the feed's own description (HTML)
	Content    string      `json:"content,omitempty"` // full article HTML (sanitized)
	Text       string      `json:"text,omitempty"`    // plain text of Content (or Summary)
	Authors    []string    `json:"authors,omitempty"`
	Categories []string    `json:"categories,omitempty"`
	Image      string      `json:"image,omitempty"`
	Enclosures []Enclosure `json:"enclosures,omitempty"`

	// Lang is a BCP 47 tag ("ar"); Dir is "rtl" or "ltr".
	Lang string `json:"lang,omitempty"`
	Dir  string `json:"dir,omitempty"`

	Published time.Time `json:"published,omitzero"`
	Updated   time.Time `json:"updated,omitzero"`
	// FirstSeen is when refeed first saw the item; it stands in for a
	// missing Published date and is never reset.
	FirstSeen time.Time `json:"first_seen"`

	// Extracted reports that Content holds the extracted full article.
	Extracted bool `json:"extracted,omitempty"`
	// ContentHash fingerprints the source's version of the item, so a
	// changed item can be detected and marked Updated.
	ContentHash string `json:"content_hash,omitempty"`
}

// Enclosure is a media attachment (podcast audio, image).
type Enclosure struct {
	URL    string `json:"url"`
	Type   string `json:"type,omitempty"`
	Length int64  `json:"length,omitempty"`
}
