package refresh_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/refeed/refeed/config"
	"github.com/refeed/refeed/fetch"
	"github.com/refeed/refeed/refresh"
)

// TestMaxArticles: a source fetches at most max_articles article pages per
// pass, newest first; the others keep their feed text and get their
// article in later passes, without the feed changing.
func TestMaxArticles(t *testing.T) {
	s := newSite(t)
	s.set("e", "d", "c", "b", "a") // dated Jan 5 … Jan 1
	src := fmt.Sprintf(`{name: src, url: "%s/feed", fulltext: true, language: en, max_articles: 2}`, s.srv.URL)
	f := newFixtureWith(t, src, 10)
	for pass, want := range [][]string{{"e", "d"}, {"c", "b"}, {"a"}, nil} {
		before := map[string]int{}
		for _, slug := range []string{"a", "b", "c", "d", "e"} {
			before[slug] = s.hits("/a/" + slug)
		}
		sum := f.run(t)
		var got []string
		for _, slug := range []string{"e", "d", "c", "b", "a"} {
			if s.hits("/a/"+slug) > before[slug] {
				got = append(got, slug)
			}
		}
		if !slices.Equal(got, want) || sum.Sources[0].Extracted != len(want) {
			t.Errorf("pass %d fetched articles %v (extracted %d), want %v", pass+1, got, sum.Sources[0].Extracted, want)
		}
		if items := f.output(t); len(items) != 5 {
			t.Errorf("pass %d: feed has %d items, want all 5 (waiting ones with their feed text)", pass+1, len(items))
		}
	}
}

// etagSite serves feeds at /feed/NAME with an ETag, answering 304 to a
// client that has it, and article pages under /a/. A feed listed in hold
// waits, before answering, until release is closed.
type etagSite struct {
	srv     *httptest.Server
	mu      sync.Mutex
	hold    map[string]chan struct{}
	answers map[int]int // by status
}

func newETagSite(t *testing.T) *etagSite {
	s := &etagSite{hold: map[string]chan struct{}{}, answers: map[int]int{}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *etagSite) serve(w http.ResponseWriter, r *http.Request) {
	name, isFeed := strings.CutPrefix(r.URL.Path, "/feed/")
	if !isFeed {
		s.count(200)
		fmt.Fprint(w, `<html><body><article><h1>A story</h1>`+strings.Repeat(`<p>The minister said on Tuesday that the new bridge over the river would open next spring after years of delay.</p>`, 6)+`</article></body></html>`)
		return
	}
	s.mu.Lock()
	hold := s.hold[name]
	s.mu.Unlock()
	if hold != nil {
		select {
		case <-hold:
		case <-r.Context().Done():
			return
		}
	}
	etag := `"` + name + `-1"`
	if r.Header.Get("If-None-Match") == etag {
		s.count(304)
		w.WriteHeader(http.StatusNotModified)
		return
	}
	s.count(200)
	w.Header().Set("ETag", etag)
	fmt.Fprintf(w, `<rss version="2.0"><channel><title>%s</title>`, name)
	for n := range 3 {
		fmt.Fprintf(w, `<item><title>%s story %d</title><link>%s/a/%s/%d</link><description>teaser</description><pubDate>%s</pubDate></item>`,
			name, n, s.srv.URL, name, n, time.Date(2026, 1, 1, n, 0, 0, 0, time.UTC).Format(time.RFC1123Z))
	}
	fmt.Fprint(w, `</channel></rss>`)
}

func (s *etagSite) count(status int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.answers[status]++
}

// newETagRunner builds a runner over the named sources of s (fulltext
// per the map), each in its own feed of the same name.
func newETagRunner(t *testing.T, s *etagSite, fulltext map[string]bool, names ...string) (*refresh.Runner, *config.Config, func() (int64, error)) {
	t.Helper()
	dir := t.TempDir()
	var yaml strings.Builder
	fmt.Fprintf(&yaml, "output: %s\nstate: %s\nretries: 0\nhost_delay: 0s\nrobots: false\nper_host: 4\nsources:\n",
		filepath.Join(dir, "out"), filepath.Join(dir, "state.db"))
	for _, n := range names {
		fmt.Fprintf(&yaml, "  - {name: %s, url: \"%s/feed/%s\", fulltext: %v}\n", n, s.srv.URL, n, fulltext[n])
	}
	yaml.WriteString("feeds:\n")
	for _, n := range names {
		fmt.Fprintf(&yaml, "  - {name: %s, sources: [%s]}\n", n, n)
	}
	cfg, err := config.ParseConfig(strings.NewReader(yaml.String()), filepath.Join(dir, "sources.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	st := mustOpen(t, cfg.State)
	r := refresh.New(cfg, st, fetch.New(refresh.FetchOptions(cfg), nil), slog.New(slog.DiscardHandler), refresh.Options{})
	return r, cfg, func() (int64, error) { return st.Reads().Items, nil }
}

// TestUnchangedPass: when every feed answers 304, the pass decodes no
// stored item, fetches no article and rewrites no feed file.
func TestUnchangedPass(t *testing.T) {
	s := newETagSite(t)
	r, cfg, itemsRead := newETagRunner(t, s, map[string]bool{"full": true}, "full", "plain")
	ctx := context.Background()
	if sum, err := r.RunOnce(ctx); err != nil || sum.Failed() > 0 {
		t.Fatalf("first run: %v, %d failed", err, sum.Failed())
	}
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	var files []string
	for _, name := range []string{"full", "plain"} {
		for _, ext := range []string{".xml", ".atom", ".json"} {
			path := filepath.Join(cfg.Output, name+ext)
			if err := os.Chtimes(path, old, old); err != nil {
				t.Fatal(err)
			}
			files = append(files, path)
		}
	}
	before, _ := itemsRead()
	s.mu.Lock()
	s.answers = map[int]int{}
	s.mu.Unlock()
	sum, err := r.RunOnce(ctx)
	if err != nil || sum.Failed() > 0 {
		t.Fatalf("second run: %v, %d failed", err, sum.Failed())
	}
	after, _ := itemsRead()
	if after != before {
		t.Errorf("the unchanged pass decoded %d stored items, want 0", after-before)
	}
	s.mu.Lock()
	if s.answers[304] != 2 || s.answers[200] != 0 {
		t.Errorf("answers %v, want two 304s and nothing else", s.answers)
	}
	s.mu.Unlock()
	for _, fr := range sum.Feeds {
		if !fr.Unchanged || fr.Err != nil {
			t.Errorf("feed %s: %+v, want unchanged", fr.Feed, fr)
		}
	}
	for _, path := range files {
		if fi, err := os.Stat(path); err != nil || !fi.ModTime().Equal(old) {
			t.Errorf("%s was rewritten (%v)", path, err)
		}
	}
	// A deleted feed file is written again although nothing changed.
	os.Remove(files[0])
	if _, err := r.RunOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(files[0]); err != nil {
		t.Errorf("a missing feed file was not written again: %v", err)
	}
}

// TestSlowSourceHoldsOnlyItsFeed: a feed is written as soon as its own
// sources are done; a slow source of another feed does not hold it.
func TestSlowSourceHoldsOnlyItsFeed(t *testing.T) {
	s := newETagSite(t)
	release := make(chan struct{})
	s.hold["slow"] = release
	r, cfg, _ := newETagRunner(t, s, nil, "quick", "slow")
	result := make(chan error, 1)
	go func() {
		defer close(release)
		var err error
		for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
			if _, err = os.Stat(filepath.Join(cfg.Output, "quick.xml")); err == nil {
				break
			}
		}
		result <- err
	}()
	sum, err := r.RunOnce(context.Background())
	if err != nil || sum.Failed() > 0 {
		t.Fatalf("run: %v, %d failed", err, sum.Failed())
	}
	if err := <-result; err != nil {
		t.Errorf("the quick source's feed was not written while the slow source was running: %v", err)
	}
	if _, err := os.Stat(filepath.Join(cfg.Output, "slow.xml")); err != nil {
		t.Errorf("the slow source's feed: %v", err)
	}
}
