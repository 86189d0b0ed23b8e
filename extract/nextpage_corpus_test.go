package extract

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestNextPageOnCorpora lists the next-page links the extractor finds on
// the scrapinghub-dev and wcxb-dev pages (single-page articles, listings
// and others as crawled), for a person to check, and bounds how many
// pages claim one: a next page wrongly followed joins another page's
// text to the article.
func TestNextPageOnCorpora(t *testing.T) {
	for _, corpus := range []string{"scrapinghub-dev", "wcxb-dev"} {
		t.Run(corpus, func(t *testing.T) {
			dir := sharedCorpus(t, corpus)
			raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
			if err != nil {
				t.Fatal(err)
			}
			var gt map[string]struct {
				URL string `json:"url"`
			}
			if err := json.Unmarshal(raw, &gt); err != nil {
				t.Fatal(err)
			}
			ids := make([]string, 0, len(gt))
			for id := range gt {
				ids = append(ids, id)
			}
			sort.Strings(ids)
			var found []string
			for _, id := range ids {
				u, err := url.Parse(gt[id].URL)
				if err != nil {
					continue
				}
				page := readMaybeGzip(t, filepath.Join(dir, "html", id+".html.gz"))
				a, err := ExtractWith(strings.NewReader(string(page)), u, Options{})
				if err == nil && a.NextPage != "" {
					found = append(found, fmt.Sprintf("%s %s -> %s", id, u, a.NextPage))
				}
			}
			t.Logf("%d of %d pages link a next page:\n%s", len(found), len(ids), strings.Join(found, "\n"))
			if len(found)*20 > len(ids) {
				t.Errorf("%d of %d pages claim a next page; want under 5%%", len(found), len(ids))
			}
		})
	}
}
