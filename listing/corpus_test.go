package listing_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/refeed/refeed/internal/testcorpus"
	"github.com/refeed/refeed/listing"
)

// corpusDir returns ../shared/corpus/sub beside the repository root,
// skipping the test when it is absent.
func corpusDir(t testing.TB, sub string) string {
	t.Helper()
	return testcorpus.Dir(t, sub)
}

// Bounds on what the heuristics take from article pages, which are not
// listings: related and sidebar links should mostly be recognised as
// chrome. A few sites (cbsnews.com) end every article with a genuine
// list of 50 latest stories, hence the loose per-page bound. Measured
// when written: median 1, p90 9, max 55.
const (
	maxArticleLinks       = 100
	maxArticleLinksMedian = 5
	maxArticleLinksP90    = 20
)

// TestFind_ArticlePages runs the heuristics over the article pages of the
// scrapinghub corpus. They are not listings, so the test only checks that
// Find never fails other than with ErrNoLinks, never returns a link to
// the page itself, and returns few links.
func TestFind_ArticlePages(t *testing.T) {
	dir := corpusDir(t, "scrapinghub-dev")
	truth := map[string]struct {
		URL string `json:"url"`
	}{}
	b, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &truth); err != nil {
		t.Fatal(err)
	}
	paths, err := filepath.Glob(filepath.Join(dir, "html", "*.html.gz"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no pages in %s: %v", dir, err)
	}
	var counts []int
	for _, p := range paths {
		id := strings.TrimSuffix(filepath.Base(p), ".html.gz")
		page := mustURL(t, truth[id].URL)
		links, err := listing.Find(bytes.NewReader(testcorpus.ReadFile(t, p)), page, nil, 1000)
		if err != nil && !errors.Is(err, listing.ErrNoLinks) {
			t.Errorf("%s: %v", id, err)
		}
		self := strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(page.String(), "https://"), "http://"), "www.")
		for _, l := range links {
			if strings.HasSuffix(l.URL, "://"+self) || strings.HasSuffix(l.URL, "://www."+self) {
				t.Errorf("%s: the page links itself: %+v", id, l)
			}
		}
		if len(links) > maxArticleLinks {
			t.Errorf("%s (%s): %d links from an article page, want at most %d", id, page, len(links), maxArticleLinks)
		}
		counts = append(counts, len(links))
	}
	slices.Sort(counts)
	none := 0
	for _, n := range counts {
		if n == 0 {
			none++
		}
	}
	median, p90 := counts[len(counts)/2], counts[len(counts)*9/10]
	t.Logf("%d article pages: links per page median %d, p90 %d, max %d; %d pages with none",
		len(counts), median, p90, counts[len(counts)-1], none)
	if median > maxArticleLinksMedian || p90 > maxArticleLinksP90 {
		t.Errorf("links per article page: median %d, p90 %d; want at most %d and %d",
			median, p90, maxArticleLinksMedian, maxArticleLinksP90)
	}
}
