package refresh_test

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/refeed/refeed/config"
	"github.com/refeed/refeed/feeds"
	"github.com/refeed/refeed/fetch"
	"github.com/refeed/refeed/refresh"
	"github.com/refeed/refeed/store"
)

// site serves a feed whose items the test changes between polls, and
// article pages that either work or fail with 500.
type site struct {
	mu       sync.Mutex
	items    []string // item slugs in the feed, newest first
	broken   map[string]bool
	edition  int // bumps the summary text of every item
	requests map[string]int
	srv      *httptest.Server
}

func newSite(t *testing.T) *site {
	s := &site{broken: map[string]bool{}, requests: map[string]int{}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *site) set(items ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items = items
}

func (s *site) hits(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[path]
}

func (s *site) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests[r.URL.Path]++
	if r.URL.Path == "/home" {
		fmt.Fprint(w, `<html><head><link rel="alternate" type="application/rss+xml" href="/feed"></head><body>Home</body></html>`)
		return
	}
	if r.URL.Path == "/latest" {
		fmt.Fprint(w, `<html><body><nav><a href="/">الرئيسية</a> <a href="/about">من نحن</a></nav><main>`)
		for i, slug := range s.items {
			fmt.Fprintf(w, `<div class="card"><h3><a href="/a/%s?id=%d">Title %s is a headline of several words</a></h3></div>`, slug, 40100+i, slug)
		}
		fmt.Fprint(w, `</main><footer><a href="/contact">اتصل بنا</a></footer></body></html>`)
		return
	}
	if r.URL.Path == "/feed" {
		fmt.Fprint(w, `<rss version="2.0"><channel><title>t</title>`)
		for _, slug := range s.items {
			fmt.Fprintf(w, `<item><title>Title %s</title><link>%s/a/%s</link><description>summary of %s (edition %d)</description><pubDate>%s</pubDate></item>`,
				slug, s.srv.URL, slug, slug, s.edition, time.Date(2026, 1, 1+int(slug[0]-'a'), 0, 0, 0, 0, time.UTC).Format(time.RFC1123Z))
		}
		fmt.Fprint(w, `</channel></rss>`)
		return
	}
	slug := strings.TrimPrefix(r.URL.Path, "/a/")
	if s.broken[slug] {
		http.Error(w, "boom", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, `<html><body><nav><a href="/">Home</a></nav><article><h1>Title %s</h1>`, slug)
	for i := range 6 {
		fmt.Fprintf(w, `<p>Paragraph %d of article %s (edition %d), which is long enough to look like real prose, with commas, clauses and a full stop.</p>`, i, slug, s.edition)
	}
	fmt.Fprint(w, `</article><footer>Footer</footer></body></html>`)
}

type fixture struct {
	cfg    *config.Config
	runner *refresh.Runner
	now    time.Time
}

func newFixture(t *testing.T, s *site, limit int) *fixture {
	return newFixtureAt(t, s, "/feed", limit)
}

func newFixtureAt(t *testing.T, s *site, sourcePath string, limit int) *fixture {
	src := fmt.Sprintf(`{name: src, url: "%s%s", fulltext: true, language: en, type: %s}`, s.srv.URL, sourcePath, sourceType(sourcePath))
	return newFixtureWith(t, src, limit)
}

// newFixtureWith builds a runner over one source, given as a YAML flow
// mapping, feeding one output feed "out".
func newFixtureWith(t *testing.T, source string, limit int, topLevel ...string) *fixture {
	dir := t.TempDir()
	yaml := strings.Join(topLevel, "\n") + fmt.Sprintf(`
output: %s
state: %s
retries: 0
host_delay: 1ms
robots: false
sources:
  - %s
feeds:
  - {name: out, sources: [src], limit: %d}
`, filepath.Join(dir, "out"), filepath.Join(dir, "state.db"), source, limit)
	cfg, err := config.ParseConfig(strings.NewReader(yaml), filepath.Join(dir, "sources.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	sites, err := refresh.LoadSiteRules(cfg, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{cfg: cfg, now: time.Date(2026, 2, 1, 12, 0, 0, 0, time.UTC)}
	f.runner = refresh.New(cfg, mustOpen(t, cfg.State), fetch.New(refresh.FetchOptions(cfg), nil), nil,
		refresh.Options{Now: func() time.Time { return f.now }, SiteRules: sites})
	return f
}

func (f *fixture) run(t *testing.T) *refresh.Summary {
	t.Helper()
	sum, err := f.runner.RunOnce(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

func (f *fixture) output(t *testing.T) []*gofeed.Item {
	t.Helper()
	file, err := os.Open(filepath.Join(f.cfg.Output, "out.xml"))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	feed, err := gofeed.NewParser().Parse(file)
	if err != nil {
		t.Fatal(err)
	}
	return feed.Items
}

func titles(items []*gofeed.Item) string {
	var out []string
	for _, it := range items {
		out = append(out, strings.TrimPrefix(it.Title, "Title "))
	}
	return strings.Join(out, ",")
}

// TestItemsOutliveTheirSourceFeed: items that drop off the source feed stay
// in the output until the feed's limit pushes them out.
func TestItemsOutliveTheirSourceFeed(t *testing.T) {
	s := newSite(t)
	f := newFixture(t, s, 3)
	s.set("b", "a")
	f.run(t)
	s.set("c")
	f.now = f.now.Add(time.Hour)
	f.run(t)
	if got := titles(f.output(t)); got != "c,b,a" {
		t.Errorf("after the source dropped a and b: items %q, want c,b,a", got)
	}
	s.set("e", "d")
	f.now = f.now.Add(time.Hour)
	f.run(t)
	if got := titles(f.output(t)); got != "e,d,c" {
		t.Errorf("with limit 3: items %q, want e,d,c", got)
	}
}

// TestFailedArticleKeepsSummaryAndBacksOff: an article page that fails
// leaves the feed's summary in the item, is not fetched again on the very
// next run, and is retried once its backoff has passed.
func TestFailedArticleKeepsSummaryAndBacksOff(t *testing.T) {
	s := newSite(t)
	s.broken["x"] = true
	f := newFixture(t, s, 10)
	s.set("x", "y")
	sum := f.run(t)
	if r := sum.Sources[0]; r.Err != nil || r.Failed != 1 || r.Extracted != 1 {
		t.Fatalf("first run: %+v", r)
	}
	items := f.output(t)
	for _, it := range items {
		slug := strings.TrimPrefix(it.Title, "Title ")
		full := strings.Contains(it.Content, "Paragraph 5 of article "+slug)
		if slug == "x" && (full || !strings.Contains(it.Content+it.Description, "summary of x")) {
			t.Errorf("failed article x: content %q", it.Content)
		}
		if slug == "y" && !full {
			t.Errorf("article y lacks its full text: %q", it.Content)
		}
	}
	f.run(t)
	if n := s.hits("/a/x"); n != 1 {
		t.Errorf("failed article fetched %d times by two back-to-back runs, want 1", n)
	}
	if n := s.hits("/a/y"); n != 1 {
		t.Errorf("extracted article fetched %d times, want 1", n)
	}
	s.broken["x"] = false
	f.now = f.now.Add(time.Hour)
	sum = f.run(t)
	if n := s.hits("/a/x"); n != 2 || sum.Sources[0].Extracted != 1 {
		t.Errorf("after the backoff: x fetched %d times (want 2), result %+v", n, sum.Sources[0])
	}
}

// TestChangedItemIsExtractedAgain: when the source edits an item, its page
// is fetched again and the output keeps the item's id while carrying the
// new text.
func TestChangedItemIsExtractedAgain(t *testing.T) {
	s := newSite(t)
	f := newFixture(t, s, 10)
	s.set("a")
	f.run(t)
	before := f.output(t)[0]
	s.mu.Lock()
	s.edition = 1
	s.mu.Unlock()
	f.now = f.now.Add(time.Hour)
	f.run(t)
	after := f.output(t)[0]
	if n := s.hits("/a/a"); n != 2 {
		t.Errorf("edited item's page fetched %d times, want 2", n)
	}
	if after.GUID != before.GUID {
		t.Errorf("GUID changed on edit: %q → %q", before.GUID, after.GUID)
	}
	if !strings.Contains(after.Content, "(edition 1)") {
		t.Errorf("edited item still carries the old article: %.200q", after.Content)
	}
}

// TestDiscoveredFeedIsRemembered: a source URL that is an HTML page is
// followed to its feed once; later polls go to the feed directly.
func TestDiscoveredFeedIsRemembered(t *testing.T) {
	s := newSite(t)
	f := newFixtureAt(t, s, "/home", 10)
	s.set("a")
	f.run(t)
	// A fresh runner over the same state, as after a restart.
	g := newFixtureAt(t, s, "/home", 10)
	g.runner = refresh.New(f.cfg, mustOpen(t, f.cfg.State), fetch.New(refresh.FetchOptions(f.cfg), nil), nil, refresh.Options{})
	sum := g.run(t)
	if err := sum.Sources[0].Err; err != nil {
		t.Fatal(err)
	}
	if n := s.hits("/home"); n != 1 {
		t.Errorf("source page fetched %d times, want 1 (the feed URL should be remembered)", n)
	}
	if n := s.hits("/feed"); n != 2 {
		t.Errorf("feed fetched %d times, want 2", n)
	}
	if got := titles(f.output(t)); got != "a" {
		t.Errorf("items %q, want a", got)
	}
}

func mustOpen(t testing.TB, path string) *store.Store {
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func sourceType(path string) string {
	if path == "/latest" {
		return "page"
	}
	return "feed"
}

// TestPageSource: a source without a feed is read from its listing page;
// its article links become items with their full text.
func TestPageSource(t *testing.T) {
	s := newSite(t)
	f := newFixtureAt(t, s, "/latest", 10)
	s.set("b", "a")
	sum := f.run(t)
	if r := sum.Sources[0]; r.Err != nil || r.Seen != 2 || r.Extracted != 2 {
		t.Fatalf("result %+v", r)
	}
	items := f.output(t)
	if len(items) != 2 {
		t.Fatalf("got %d items, want 2", len(items))
	}
	for _, it := range items {
		if !strings.Contains(it.Content, "Paragraph 5 of article") {
			t.Errorf("item %q lacks its article: %.100q", it.Link, it.Content)
		}
		if strings.HasSuffix(it.Link, "/about") || strings.HasSuffix(it.Link, "/contact") {
			t.Errorf("chrome link %q became an item", it.Link)
		}
	}
}

// TestSiteRuleThatMatchesNothingFallsBack: a site rule whose body selector
// no longer matches (the site changed its markup) still yields the article
// through the heuristics rather than the feed's teaser.
func TestSiteRuleThatMatchesNothingFallsBack(t *testing.T) {
	s := newSite(t)
	f := newFixtureWith(t, fmt.Sprintf(`{name: src, url: "%s/feed", fulltext: true, extract: {body: "div.gone-in-redesign"}}`, s.srv.URL), 10)
	s.set("a")
	sum := f.run(t)
	if r := sum.Sources[0]; r.Extracted != 1 || r.Failed != 0 {
		t.Fatalf("result %+v", r)
	}
	if c := f.output(t)[0].Content; !strings.Contains(c, "Paragraph 5 of article a") {
		t.Errorf("content %.200q lacks the article", c)
	}
}

// TestSiteRulesApply: an ftr-site-config file for the article's host
// decides the body and strips what it names.
func TestSiteRulesApply(t *testing.T) {
	s := newSite(t)
	rules := t.TempDir()
	rule := "# test rules\nbody: //article\nstrip: //p[contains(., 'Paragraph 2 ')]\n"
	if err := os.WriteFile(filepath.Join(rules, "127.0.0.1.txt"), []byte(rule), 0o644); err != nil {
		t.Fatal(err)
	}
	f := newFixtureWith(t, fmt.Sprintf(`{name: src, url: "%s/feed", fulltext: true}`, s.srv.URL), 10,
		"site_rules: {dir: "+rules+"}")
	s.set("a")
	if r := f.run(t).Sources[0]; r.Extracted != 1 {
		t.Fatalf("result %+v", r)
	}
	c := f.output(t)[0].Content
	if strings.Contains(c, "Paragraph 2 of") || !strings.Contains(c, "Paragraph 5 of article a") {
		t.Errorf("site rules not applied: %.300q", c)
	}
}

// TestEditedItemKeepsArticleWhilePageFails: when the source edits an item
// and its page then fails, the output keeps the article extracted before
// rather than falling back to the feed's summary, and the page is
// retried.
func TestEditedItemKeepsArticleWhilePageFails(t *testing.T) {
	s := newSite(t)
	f := newFixture(t, s, 10)
	s.set("a")
	f.run(t)
	s.mu.Lock()
	s.edition, s.broken["a"] = 1, true
	s.mu.Unlock()
	for range 2 { // the failed fetch, then a run inside the backoff
		f.now = f.now.Add(time.Minute)
		f.run(t)
		if c := f.output(t)[0].Content; !strings.Contains(c, "Paragraph 5 of article a (edition 0)") {
			t.Fatalf("edited item lost its article while the page fails: %.200q", c)
		}
	}
	s.mu.Lock()
	s.broken["a"] = false
	s.mu.Unlock()
	f.now = f.now.Add(time.Hour)
	f.run(t)
	if c := f.output(t)[0].Content; !strings.Contains(c, "Paragraph 5 of article a (edition 1)") {
		t.Errorf("edited item not extracted again once the page works: %.200q", c)
	}
}

// TestSourcesSharingAURLKeepTheirOwnValidators: two sources reading one
// feed URL (with different filters) each get the feed, although it
// answers 304 to the ETag the other source stored.
func TestSourcesSharingAURLKeepTheirOwnValidators(t *testing.T) {
	var mu sync.Mutex
	version := 1
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		etag := fmt.Sprintf(`"v%d"`, version)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		fmt.Fprint(w, `<rss version="2.0"><channel><title>t</title>`)
		for v := 1; v <= version; v++ {
			for _, topic := range []string{"sport", "politics"} {
				fmt.Fprintf(w, `<item><title>%s %d</title><link>http://%s/%s/%d</link></item>`, topic, v, r.Host, topic, v)
			}
		}
		fmt.Fprint(w, `</channel></rss>`)
	}))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	yaml := fmt.Sprintf(`
output: %s
state: %s
retries: 0
host_delay: 1ms
robots: false
concurrency: 1
sources:
  - {name: a, url: "%s/feed", include: [sport]}
  - {name: b, url: "%s/feed", include: [politics]}
feeds:
  - {name: out, sources: [a, b], dedupe_titles: false}
`, filepath.Join(dir, "out"), filepath.Join(dir, "state.db"), srv.URL, srv.URL)
	cfg, err := config.ParseConfig(strings.NewReader(yaml), filepath.Join(dir, "sources.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{cfg: cfg, now: time.Date(2026, 2, 1, 12, 0, 0, 0, time.UTC)}
	f.runner = refresh.New(cfg, mustOpen(t, cfg.State), fetch.New(refresh.FetchOptions(cfg), nil), nil,
		refresh.Options{Now: func() time.Time { return f.now }})
	want := map[int]int{1: 2, 2: 4}
	for v := 1; v <= 2; v++ {
		mu.Lock()
		version = v
		mu.Unlock()
		f.now = f.now.Add(time.Hour)
		f.run(t)
		if got := len(f.output(t)); got != want[v] {
			t.Errorf("feed version %d: %d items in the output (%s), want %d", v, got, titles(f.output(t)), want[v])
		}
	}
}

// TestHugeRetryAfterIsCapped: a server answering 503 with a Retry-After of
// a year does not silence its source for a year; the source is polled
// again within a day.
func TestHugeRetryAfterIsCapped(t *testing.T) {
	var mu sync.Mutex
	hits := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		hits++
		w.Header().Set("Retry-After", "31536000")
		http.Error(w, "maintenance", http.StatusServiceUnavailable)
	}))
	t.Cleanup(srv.Close)
	f := newFixtureWith(t, fmt.Sprintf(`{name: src, url: "%s/feed"}`, srv.URL), 10)
	f.run(t)
	f.now = f.now.Add(25 * time.Hour)
	f.run(t)
	mu.Lock()
	defer mu.Unlock()
	if hits != 2 {
		t.Errorf("source polled %d times in two runs a day apart after Retry-After: 1 year, want 2", hits)
	}
}

// TestArticleDateInTheFutureIsCapped: a page dating its article hours
// ahead (local time labelled UTC, common on Iraqi sites) does not give
// the item a future date that would pin it to the top of the feed.
func TestArticleDateInTheFutureIsCapped(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed" {
			fmt.Fprintf(w, `<rss version="2.0"><channel><title>t</title><item><title>Undated</title><link>http://%s/a/1</link></item></channel></rss>`, r.Host)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<html><head><meta property="article:published_time" content="2026-02-01T15:00:00Z"></head><body><article><h1>Undated</h1>`)
		for i := range 5 {
			fmt.Fprintf(w, `<p>Paragraph %d of an article long enough to be one, with commas, clauses and a full stop.</p>`, i)
		}
		fmt.Fprint(w, `</article></body></html>`)
	}))
	t.Cleanup(srv.Close)
	f := newFixtureWith(t, fmt.Sprintf(`{name: src, url: "%s/feed", fulltext: true}`, srv.URL), 10)
	f.run(t) // f.now is 12:00 UTC, three hours before the page's date
	items := f.output(t)
	if len(items) != 1 || items[0].PublishedParsed == nil {
		t.Fatalf("output items: %+v", items)
	}
	if got := *items[0].PublishedParsed; got.After(f.now) {
		t.Errorf("published %s, after the run at %s", got, f.now)
	}
}

// TestSourceTimeZone: a source's timezone applies to the dates its feed
// and its article pages write without a zone, and to nothing else.
func TestSourceTimeZone(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed" {
			fmt.Fprintf(w, `<rss version="2.0"><channel><title>t</title>
<item><title>Zoneless</title><link>http://%[1]s/a/1</link><pubDate>Sun, 01 Feb 2026 10:00:00</pubDate></item>
<item><title>GMT</title><link>http://%[1]s/a/2</link><pubDate>Sun, 01 Feb 2026 10:00:00 GMT</pubDate></item>
<item><title>Undated</title><link>http://%[1]s/a/3</link></item>
</channel></rss>`, r.Host)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<html><head><meta property="article:published_time" content="2026-02-01T09:00:00"></head><body><article><h1>Page</h1>`)
		for i := range 5 {
			fmt.Fprintf(w, `<p>Paragraph %d of an article long enough to be one, with commas, clauses and a full stop.</p>`, i)
		}
		fmt.Fprint(w, `</article></body></html>`)
	}))
	t.Cleanup(srv.Close)
	tests := []struct {
		zone string // the source's timezone key; "" leaves it out
		want map[string]time.Time
	}{
		{"", map[string]time.Time{
			"Zoneless": time.Date(2026, 2, 1, 10, 0, 0, 0, time.UTC),
			"GMT":      time.Date(2026, 2, 1, 10, 0, 0, 0, time.UTC),
			"Undated":  time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC),
		}},
		{"Asia/Baghdad", map[string]time.Time{
			"Zoneless": time.Date(2026, 2, 1, 7, 0, 0, 0, time.UTC),
			"GMT":      time.Date(2026, 2, 1, 10, 0, 0, 0, time.UTC),
			"Undated":  time.Date(2026, 2, 1, 6, 0, 0, 0, time.UTC),
		}},
	}
	for _, tt := range tests {
		t.Run(cmp.Or(tt.zone, "UTC"), func(t *testing.T) {
			src := fmt.Sprintf(`{name: src, url: "%s/feed", fulltext: true}`, srv.URL)
			if tt.zone != "" {
				src = fmt.Sprintf(`{name: src, url: "%s/feed", fulltext: true, timezone: %s}`, srv.URL, tt.zone)
			}
			f := newFixtureWith(t, src, 10)
			f.run(t)
			items := f.output(t)
			if len(items) != len(tt.want) {
				t.Fatalf("%d output items, want %d", len(items), len(tt.want))
			}
			for _, it := range items {
				want, ok := tt.want[it.Title]
				if !ok || it.PublishedParsed == nil || !it.PublishedParsed.Equal(want) {
					t.Errorf("%s published %v, want %v", it.Title, it.PublishedParsed, want)
				}
			}
		})
	}
}

// TestSourceFreshness: a feed whose server says it stays fresh for an hour
// is not asked again within that hour (no request, no failure), is asked
// after it, and --force asks anyway. A month of freshness is capped.
func TestSourceFreshness(t *testing.T) {
	var mu sync.Mutex
	hits, maxAge := 0, 3600
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		hits++
		w.Header().Set("Cache-Control", fmt.Sprintf("public, max-age=%d", maxAge))
		fmt.Fprint(w, `<rss version="2.0"><channel><title>t</title><item><title>One</title><link>https://news.example/1</link></item></channel></rss>`)
	}))
	t.Cleanup(srv.Close)
	requests := func() int {
		mu.Lock()
		defer mu.Unlock()
		return hits
	}
	f := newFixtureWith(t, fmt.Sprintf(`{name: src, url: "%s/feed"}`, srv.URL), 10)
	start := f.now
	steps := []struct {
		name     string
		after    time.Duration // since start
		maxAge   int           // what the server says from this step on
		force    bool
		polled   bool
		nextPoll time.Duration // since start, of the result; 0: none
	}{
		{"first poll", 0, 3600, false, true, 54 * time.Minute},
		{"within the hour", 30 * time.Minute, 3600, false, false, 54 * time.Minute},
		{"forced", 31 * time.Minute, 3600, true, true, 31*time.Minute + 54*time.Minute},
		{"after the hour", 31*time.Minute + 55*time.Minute, 30 * 24 * 3600, false, true, 31*time.Minute + 55*time.Minute + 6*time.Hour*9/10},
		{"a month is capped", 31*time.Minute + 55*time.Minute + 6*time.Hour, 0, false, true, 0},
		{"no word from the server", 31*time.Minute + 56*time.Minute + 6*time.Hour, 0, false, true, 0},
	}
	for _, st := range steps {
		mu.Lock()
		maxAge = st.maxAge
		mu.Unlock()
		f.now = start.Add(st.after)
		runner := f.runner
		if st.force {
			runner = refresh.New(f.cfg, mustOpen(t, f.cfg.State), fetch.New(refresh.FetchOptions(f.cfg), nil), nil,
				refresh.Options{Now: func() time.Time { return f.now }, IgnoreBackoff: true})
		}
		before := requests()
		sum, err := runner.RunOnce(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		res := sum.Sources[0]
		if polled := requests() > before; polled != st.polled || res.NotDue == st.polled {
			t.Errorf("%s: polled %v (NotDue %v), want polled %v", st.name, polled, res.NotDue, st.polled)
		}
		if sum.Failed() != 0 {
			t.Errorf("%s: %d failures: %+v", st.name, sum.Failed(), res)
		}
		var want time.Time
		if st.nextPoll > 0 {
			want = start.Add(st.nextPoll)
		}
		if !res.NextPoll.Equal(want) {
			t.Errorf("%s: NextPoll %v, want %v", st.name, res.NextPoll, want)
		}
	}
}

// TestFullTextAuto: with "fulltext: auto" only the items whose feed text
// is a teaser get their page fetched; an item the feed carries whole keeps
// the feed's text and costs no request.
func TestFullTextAuto(t *testing.T) {
	whole := strings.Repeat("The feed carries this article whole, sentence after sentence, with commas. ", 20)
	var mu sync.Mutex
	pages := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed" {
			fmt.Fprintf(w, `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title>
<item><title>Teaser</title><link>http://%[1]s/a/teaser</link><description>The first lines of the article, then…</description></item>
<item><title>Whole</title><link>http://%[1]s/a/whole</link><description>Short.</description><content:encoded><![CDATA[<p>%[2]s</p>]]></content:encoded></item>
</channel></rss>`, r.Host, whole)
			return
		}
		mu.Lock()
		pages[r.URL.Path]++
		mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<html><body><article><h1>Page</h1>`)
		for i := range 5 {
			fmt.Fprintf(w, `<p>Extracted paragraph %d of an article long enough to be one, with commas, clauses and a full stop.</p>`, i)
		}
		fmt.Fprint(w, `</article></body></html>`)
	}))
	t.Cleanup(srv.Close)
	f := newFixtureWith(t, fmt.Sprintf(`{name: src, url: "%s/feed", fulltext: auto}`, srv.URL), 10)
	if sum := f.run(t); sum.Sources[0].Extracted != 1 {
		t.Errorf("extracted %d articles, want 1 (the teaser)", sum.Sources[0].Extracted)
	}
	mu.Lock()
	if pages["/a/teaser"] != 1 || pages["/a/whole"] != 0 {
		t.Errorf("page requests %v, want the teaser's only", pages)
	}
	mu.Unlock()
	for _, it := range f.output(t) {
		switch it.Title {
		case "Teaser":
			if !strings.Contains(it.Content, "Extracted paragraph 4") {
				t.Errorf("teaser item content %q lacks the extracted article", it.Content)
			}
		case "Whole":
			if !strings.Contains(it.Content, "sentence after sentence") || strings.Contains(it.Content, "Extracted paragraph") {
				t.Errorf("whole item content %q is not the feed's", it.Content)
			}
		}
	}
	f.run(t)
	mu.Lock()
	defer mu.Unlock()
	if pages["/a/teaser"] != 1 || pages["/a/whole"] != 0 {
		t.Errorf("after a second run, page requests %v; nothing should be fetched again", pages)
	}
}

// TestFeedTextLongerThanPageIsKept: when the page gives up much less than
// the feed carried (an article split over pages, say), the item keeps the
// feed's text, and is not fetched again.
func TestFeedTextLongerThanPageIsKept(t *testing.T) {
	whole := strings.Repeat("The feed carries the whole article, all of its pages, sentence after sentence. ", 25)
	var mu sync.Mutex
	pages := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed" {
			fmt.Fprintf(w, `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title>
<item><title>Long</title><link>http://%s/a/long</link><content:encoded><![CDATA[<p>%s</p>]]></content:encoded></item>
</channel></rss>`, r.Host, whole)
			return
		}
		if r.URL.RawQuery == "" { // page 2 is followed, once, and repeats page 1
			mu.Lock()
			pages++
			mu.Unlock()
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<html><body><article><h1>Long</h1>`)
		for i := range 5 {
			fmt.Fprintf(w, `<p>Page one, paragraph %d, of an article that goes on over the next pages, with commas.</p>`, i)
		}
		fmt.Fprint(w, `</article><a href="?page=2">2</a></body></html>`)
	}))
	t.Cleanup(srv.Close)
	f := newFixtureWith(t, fmt.Sprintf(`{name: src, url: "%s/feed", fulltext: true}`, srv.URL), 10)
	f.run(t)
	items := f.output(t)
	if len(items) != 1 || !strings.Contains(items[0].Content, "all of its pages") || strings.Contains(items[0].Content, "Page one") {
		t.Fatalf("output %+v: want the feed's whole text, not the page's first page", items)
	}
	f.run(t)
	mu.Lock()
	defer mu.Unlock()
	if pages != 1 {
		t.Errorf("the page was fetched %d times, want once", pages)
	}
}

// TestTidyForgetsWhatNoLongerServes: a run forgets the items and health of
// a source that left the config over StaleAfter ago, keeps one that left
// recently and the configured one, and prunes old article failures.
func TestTidyForgetsWhatNoLongerServes(t *testing.T) {
	s := newSite(t)
	s.set("a")
	f := newFixture(t, s, 10)
	st := mustOpen(t, f.cfg.State)
	ctx := context.Background()
	for name, polled := range map[string]time.Time{
		"gone-long-ago": f.now.Add(-refresh.StaleAfter - time.Hour),
		"gone-lately":   f.now.Add(-time.Hour),
	} {
		if err := st.SaveSourceItems(ctx, name, []feeds.Item{{ID: "urn:x:" + name, Source: name, URL: "https://x.example/" + name, Title: name, FirstSeen: polled}}); err != nil {
			t.Fatal(err)
		}
		if err := st.RecordSuccess(ctx, name, polled, 1, 1, time.Time{}); err != nil {
			t.Fatal(err)
		}
	}
	old, recent := "https://x.example/old-failure", "https://x.example/recent-failure"
	for url, at := range map[string]time.Time{old: f.now.Add(-refresh.StaleAfter - time.Hour), recent: f.now.Add(-time.Hour)} {
		if err := st.RecordArticleFailure(ctx, url, at, errors.New("500")); err != nil {
			t.Fatal(err)
		}
	}
	f.run(t)
	for name, want := range map[string]int{"gone-long-ago": 0, "gone-lately": 1, "src": 1} {
		items, err := st.SourceItems(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		if len(items) != want {
			t.Errorf("%s: %d items after the run, want %d", name, len(items), want)
		}
	}
	for url, want := range map[string]int{old: 0, recent: 1} {
		a, err := st.ArticleAttempt(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		if a.Attempts != want {
			t.Errorf("%s: %d attempts kept, want %d", url, a.Attempts, want)
		}
	}
}
