package feeds

import (
	"time"

	"github.com/refeed/refeed/internal/clean"
)

// EarliestDate is the earliest publication date an item may carry. An
// older date is a CMS's placeholder (year 0, the Unix epoch), not when a
// news story appeared, and is treated as absent.
var EarliestDate = time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)

// futureSlack is how far past now a date is still taken as a mislabelled
// zone (and capped at now) rather than as nonsense.
const futureSlack = 24 * time.Hour

// PlausibleDate returns t when it can be an item's date seen at now: zero
// for a date before EarliestDate or more than a day after now (both
// treated as absent), now for one less than a day ahead (sites stamping
// local time as UTC), t otherwise. A zero now checks EarliestDate only.
func PlausibleDate(t, now time.Time) time.Time {
	switch {
	case t.IsZero(), t.Before(EarliestDate):
		return time.Time{}
	case now.IsZero() || !t.After(now):
		return t
	case t.After(now.Add(futureSlack)):
		return time.Time{}
	}
	return now
}

// safe returns f with its own texts without control characters. With
// safeItem on each item, it is the last gate before output, for the items
// stored before a cap existed and for the text of extracted articles,
// which package feeds did not parse; every renderer passes both.
func (f Feed) safe() Feed {
	f.Name, f.Title, f.Link = clean.Text(f.Name), clean.Text(f.Title), safeURL(f.Link)
	f.Description, f.Language, f.Icon = clean.Text(f.Description), clean.Text(f.Language), safeURL(f.Icon)
	f.SelfURL, f.Generator = clean.Text(f.SelfURL), clean.Text(f.Generator)
	return f
}

// safeItem cleans one item's fields for output: control characters out
// of every text, a URL longer than clean.MaxURLLength dropped, a date
// before EarliestDate dropped. URL attributes inside its HTML are capped
// when it is parsed (see tidyHTML) or extracted.
func safeItem(it Item) Item {
	it.ID, it.Source, it.SourceGUID = clean.Text(it.ID), clean.Text(it.Source), clean.Text(it.SourceGUID)
	it.URL, it.Image = safeURL(it.URL), safeURL(it.Image)
	it.Title, it.Summary, it.Content, it.Text = clean.Text(it.Title), clean.Text(it.Summary), clean.Text(it.Content), clean.Text(it.Text)
	it.Lang, it.Dir = clean.Text(it.Lang), clean.Text(it.Dir)
	it.Authors, it.Categories = cleanAll(it.Authors), cleanAll(it.Categories)
	it.Published, it.Updated = PlausibleDate(it.Published, time.Time{}), PlausibleDate(it.Updated, time.Time{})
	if len(it.Enclosures) > 0 {
		encs := make([]Enclosure, 0, len(it.Enclosures))
		for _, e := range it.Enclosures {
			if e.URL = safeURL(e.URL); e.URL != "" {
				e.Type = clean.Text(e.Type)
				encs = append(encs, e)
			}
		}
		it.Enclosures = encs
	}
	return it
}

// safeURL is u without control characters, or "" when it is longer than
// clean.MaxURLLength.
func safeURL(u string) string {
	if !clean.URLFits(u) {
		return ""
	}
	return clean.Text(u)
}

// cleanAll is clean.Text over a list; the list itself when nothing changes.
func cleanAll(in []string) []string {
	var out []string
	for i, s := range in {
		c := clean.Text(s)
		if c != s && out == nil {
			out = append(make([]string, 0, len(in)), in[:i]...)
		}
		if out != nil {
			out = append(out, c)
		}
	}
	if out == nil {
		return in
	}
	return out
}
