package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"

	"github.com/refeed/refeed/extract/evaluate"
)

// TestRunEndToEnd runs `refeed run` twice against a loopback news site and
// checks what a reader would get: every item carries its article and none
// of the page chrome, in all three formats, with GUIDs stable across runs,
// and the second run fetches no article again.
func TestRunEndToEnd(t *testing.T) {
	site := newSourceSite(t)
	seedHTML, err := os.ReadFile(filepath.Join("testdata", "seed-article.html"))
	if err != nil {
		t.Fatal(err)
	}
	site.addPage("/news/seed.html", seedHTML)
	truths := map[string]string{}
	i := 0
	for html, truth := range scrapinghubPages(t, 3) {
		path := "/article/" + string(rune('a'+i)) + ".html"
		site.addPage(path, []byte(html))
		truths[path] = truth
		i++
	}

	dir := t.TempDir()
	cfg := writeConfig(t, dir, `
output: out
state: state.db
host_delay: 1ms
sources:
  - name: buratha
    url: `+site.srv.URL+`/rss.php
    fulltext: true
    language: ar
feeds:
  - name: iraq
    title: "أخبار العراق"
    link: https://example.org/iraq
    language: ar
    sources: [buratha]
    limit: 100
  - name: second
    sources: [buratha]
`)
	code, _, stderr := runMain(t, "run", "--config", cfg)
	if code != 0 {
		t.Fatalf("first run: exit %d\n%s", code, stderr)
	}
	firstArticles := site.articleHits()
	if want := len(site.order); firstArticles != want {
		t.Errorf("first run fetched %d article pages, want %d", firstArticles, want)
	}
	first := parseOutputs(t, filepath.Join(dir, "out"), "iraq")

	for _, items := range first {
		if len(items) != len(site.order) {
			t.Fatalf("got %d items, want %d", len(items), len(site.order))
		}
		for _, it := range items {
			path := strings.TrimPrefix(it.Link, site.srv.URL)
			if strings.Contains(path, "utm_source") {
				t.Errorf("link %q keeps its tracking parameter", it.Link)
			}
			checkItemContent(t, path, it, truths)
		}
	}

	code, _, stderr = runMain(t, "run", "--config", cfg)
	if code != 0 {
		t.Fatalf("second run: exit %d\n%s", code, stderr)
	}
	if got := site.articleHits(); got != firstArticles {
		t.Errorf("second run fetched %d article pages again", got-firstArticles)
	}
	if site.hits["/rss.php"] != 2 {
		t.Errorf("feed requested %d times, want 2", site.hits["/rss.php"])
	}
	second := parseOutputs(t, filepath.Join(dir, "out"), "iraq")
	for format := range first {
		if a, b := guids(first[format]), guids(second[format]); a != b {
			t.Errorf("%s GUIDs changed between runs:\n%s\n%s", format, a, b)
		}
	}
}

// checkItemContent asserts that an item holds its article's text and none
// of the seed page's chrome.
func checkItemContent(t *testing.T, path string, it *gofeed.Item, truths map[string]string) {
	t.Helper()
	text := stripTags(it.Content)
	if path == "/news/seed.html" {
		want, _ := os.ReadFile(filepath.Join("testdata", "seed-paragraphs.txt"))
		lines := strings.Split(strings.TrimSpace(string(want)), "\n")
		for _, p := range lines[1:] {
			if !strings.Contains(text, normalize(p)) {
				t.Errorf("seed item lacks paragraph %.60q…", p)
			}
		}
		for _, c := range chromeLines {
			if strings.Contains(text, c) {
				t.Errorf("seed item holds chrome %q", c)
			}
		}
		if !strings.Contains(it.Content, `dir="rtl"`) {
			t.Errorf("seed item content is not marked rtl")
		}
		return
	}
	truth, ok := truths[path]
	if !ok {
		t.Fatalf("unexpected item link %q", it.Link)
	}
	if c := evaluate.Compare(text, truth); c.Recall() < 0.8 {
		t.Errorf("%s: article recall %.2f < 0.8", path, c.Recall())
	}
}

// parseOutputs parses the three files of a feed back with gofeed.
func parseOutputs(t *testing.T, dir, name string) map[string][]*gofeed.Item {
	t.Helper()
	out := map[string][]*gofeed.Item{}
	for _, ext := range []string{".xml", ".atom", ".json"} {
		f, err := os.Open(filepath.Join(dir, name+ext))
		if err != nil {
			t.Fatal(err)
		}
		feed, err := gofeed.NewParser().Parse(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s%s does not parse: %v", name, ext, err)
		}
		if feed.Language != "ar" {
			t.Errorf("%s%s language = %q, want ar", name, ext, feed.Language)
		}
		out[ext] = feed.Items
	}
	return out
}

func guids(items []*gofeed.Item) string {
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = it.GUID
	}
	return strings.Join(ids, " ")
}
