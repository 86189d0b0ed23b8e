package refresh_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/refeed/refeed/config"
	"github.com/refeed/refeed/feeds"
	"github.com/refeed/refeed/fetch"
	"github.com/refeed/refeed/refresh"
	"github.com/refeed/refeed/store"
)

// scaleSources sources of one feed each bring scaleNew new fulltext
// articles per pass in TestPassCostIndependentOfState.
const (
	scaleSources = 10
	scaleNew     = 3
	scaleLimit   = 1500 // the feed's limit: the state keeps 2×1500 per source
)

// TestPassCostIndependentOfState runs the same pass (every source brings
// the same new articles) over a state of 3,000 items and one of 30,000,
// and checks that it reads the same number of stored items and index rows
// from the state and makes the same requests: a pass costs what it does,
// not what the state holds. Time is not measured; rows are.
func TestPassCostIndependentOfState(t *testing.T) {
	small := scalePass(t, 3000)
	large := scalePass(t, 30000)
	// The same items decoded; index rows read may differ by the rest of
	// one page per source (see store.NewestItems), no more.
	page := int64(scaleLimit*5/4/scaleSources + 8)
	if small.reads.Items != large.reads.Items || large.reads.Keys > small.reads.Keys+scaleSources*page {
		t.Errorf("state reads: %+v over 3,000 items, %+v over 30,000; want the same items and keys within %d", small.reads, large.reads, scaleSources*page)
	}
	if small.requests != large.requests || small.requests != scaleSources*(1+scaleNew) {
		t.Errorf("requests: %d over 3,000 items, %d over 30,000; want %d each", small.requests, large.requests, scaleSources*(1+scaleNew))
	}
	// What it reads is what it works on plus the feed's limit, no more.
	if max := int64(scaleLimit*5/4 + 8 + 2*scaleSources*scaleNew); large.reads.Items > max {
		t.Errorf("the pass decoded %d stored items, want at most %d", large.reads.Items, max)
	}
	if small.feed != large.feed {
		t.Errorf("the feeds' newest items differ:\n%s\n%s", small.feed, large.feed)
	}
}

type scaleResult struct {
	reads    store.ReadStats
	requests int
	feed     string // the feed's newest item titles
}

// scalePass builds a state of stored items over scaleSources sources,
// then measures one RunOnce in which each source brings scaleNew new
// articles.
func scalePass(t *testing.T, stored int) scaleResult {
	t.Helper()
	var requests atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		if src, ok := strings.CutPrefix(r.URL.Path, "/feed/"); ok {
			fmt.Fprint(w, `<rss version="2.0"><channel><title>t</title>`)
			for n := range scaleNew {
				fmt.Fprintf(w, `<item><title>New %s-%d</title><link>http://%s/a/%s/%d</link><description>teaser</description><pubDate>%s</pubDate></item>`,
					src, n, r.Host, src, n, time.Date(2026, 12, 1, n, 0, 0, 0, time.UTC).Format(time.RFC1123Z))
			}
			fmt.Fprint(w, `</channel></rss>`)
			return
		}
		fmt.Fprint(w, `<html><body><article><h1>A story</h1>`+strings.Repeat(`<p>The minister said on Tuesday that the new bridge over the river would open next spring after years of delay.</p>`, 6)+`</article></body></html>`)
	}))
	t.Cleanup(srv.Close)

	var yaml strings.Builder
	yaml.WriteString("output: out\nstate: state.db\nhost_delay: 0s\nrobots: false\nper_host: 8\nsources:\n")
	var names []string
	for i := range scaleSources {
		names = append(names, fmt.Sprintf("s%d", i))
		fmt.Fprintf(&yaml, "  - {name: s%d, url: \"%s/feed/s%d\", fulltext: true}\n", i, srv.URL, i)
	}
	fmt.Fprintf(&yaml, "feeds:\n  - {name: all, limit: %d, sources: [%s]}\n", scaleLimit, strings.Join(names, ", "))
	dir := t.TempDir()
	cfg, err := config.ParseConfig(strings.NewReader(yaml.String()), filepath.Join(dir, "sources.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	st := mustOpen(t, cfg.State)
	start := time.Now()
	fillState(t, st, names, stored/scaleSources)
	t.Logf("filled %d items in %s", stored, time.Since(start))
	defer func(start time.Time) { t.Logf("pass over %d items took %s", stored, time.Since(start)) }(time.Now())

	before := st.Reads()
	r := refresh.New(cfg, st, fetch.New(refresh.FetchOptions(cfg), nil), slog.New(slog.DiscardHandler), refresh.Options{})
	sum, err := r.RunOnce(context.Background())
	if err != nil || sum.Failed() > 0 {
		t.Fatalf("run: %v, %d failed", err, sum.Failed())
	}
	for _, s := range sum.Sources {
		if s.New != scaleNew || s.Extracted != scaleNew {
			t.Fatalf("source %s: %d new, %d extracted; want %d each", s.Source, s.New, s.Extracted, scaleNew)
		}
	}
	after := st.Reads()
	newest, err := st.NewestItems(context.Background(), names, 5, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, it := range newest {
		titles = append(titles, it.Title)
	}
	return scaleResult{
		reads:    store.ReadStats{Items: after.Items - before.Items, Keys: after.Keys - before.Keys},
		requests: int(requests.Load()),
		feed:     strings.Join(titles, ", "),
	}
}

// fillState stores perSource extracted items, older than anything the
// test's feeds bring, under each source.
func fillState(t *testing.T, st *store.Store, sources []string, perSource int) {
	t.Helper()
	base := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, src := range sources {
		items := make([]feeds.Item, perSource)
		for i := range items {
			items[i] = feeds.Item{
				ID: fmt.Sprintf("urn:old:%s:%d", src, i), URL: fmt.Sprintf("https://old.example/%s/%d", src, i),
				Title: fmt.Sprintf("Old %s %d", src, i), Text: "an old story", Content: "<p>an old story</p>",
				Published: base.Add(time.Duration(i) * time.Minute), Extracted: true, ContentHash: "h",
			}
		}
		if err := st.SaveSourceItems(context.Background(), src, items); err != nil {
			t.Fatal(err)
		}
	}
}
