package refresh

import (
	"testing"
	"time"

	"github.com/refeed/refeed/extract"
	"github.com/refeed/refeed/siterules"
)

// TestWithSiteMetadataUsesTheDate checks that a site rule's date, read in
// the source's time zone, dates an article the extractor found no date
// for, and does not override one it found.
func TestWithSiteMetadataUsesTheDate(t *testing.T) {
	baghdad, err := time.LoadLocation("Asia/Baghdad")
	if err != nil {
		t.Fatal(err)
	}
	applied := &siterules.Applied{Title: "T", Authors: []string{"A", "B"}, Date: "2024-09-28 10:15"}
	art := &extract.Article{}
	withSiteMetadata(art, applied, baghdad)
	if want := time.Date(2024, 9, 28, 7, 15, 0, 0, time.UTC); !art.Published.Equal(want) {
		t.Errorf("Published = %v, want %v from the site rule's date", art.Published, want)
	}
	if art.Title != "T" || art.Byline != "A, B" {
		t.Errorf("title %q, byline %q; want the site rule's", art.Title, art.Byline)
	}

	found := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	art = &extract.Article{Published: found}
	withSiteMetadata(art, applied, baghdad)
	if !art.Published.Equal(found) {
		t.Errorf("the site rule's date replaced the page's own: %v", art.Published)
	}
}
