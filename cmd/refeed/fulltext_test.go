package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/refeed/refeed/config"
	"github.com/refeed/refeed/fetch"
	"github.com/refeed/refeed/refresh"
	"github.com/refeed/refeed/store"
)

// partialSite serves a feed of teasers whose items link article pages on
// the same loopback server, and counts the article requests.
type partialSite struct {
	srv   *httptest.Server
	mu    sync.Mutex
	pages int
}

func newPartialSite(t *testing.T, items int) *partialSite {
	s := &partialSite{}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed" {
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<rss version="2.0"><channel><title>Teasers</title><link>http://`+r.Host+`/</link>`)
			for i := range items {
				fmt.Fprintf(w, `<item><title>Story %d</title><link>http://%s/a/%d</link><description>Only the first line…</description><pubDate>%s</pubDate></item>`,
					i, r.Host, i, time.Date(2026, 11, 1, i, 0, 0, 0, time.UTC).Format(time.RFC1123Z))
			}
			fmt.Fprint(w, `</channel></rss>`)
			return
		}
		s.mu.Lock()
		s.pages++
		s.mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<html lang="ar" dir="rtl"><head><title>Story %[1]s</title></head><body><nav><a href="/">Home</a></nav><article><h1>Story %[1]s</h1>`, r.URL.Path)
		for i := range 5 {
			fmt.Fprintf(w, `<p>Full paragraph %d of %s, long enough to be an article, with commas, clauses and a full stop.</p>`, i, r.URL.Path)
		}
		fmt.Fprint(w, `</article><footer>All rights reserved</footer></body></html>`)
	}))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *partialSite) pageRequests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pages
}

// onTheFlyServer runs the HTTP side of "refeed serve" in process over a
// config whose top level is onTheFly, and returns its URL.
func onTheFlyServer(t *testing.T, onTheFly string) string {
	t.Helper()
	dir := t.TempDir()
	yaml := onTheFly + fmt.Sprintf(`
output: %s
state: %s
retries: 0
host_delay: 0s
robots: false
sources:
  - {name: src, url: "https://news.example/feed"}
feeds:
  - {name: out, sources: [src]}
`, filepath.Join(dir, "out"), filepath.Join(dir, "state.db"))
	cfg, err := config.ParseConfig(strings.NewReader(yaml), filepath.Join(dir, "sources.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(context.Background(), cfg.State)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	logger := slog.New(slog.DiscardHandler)
	d, err := newDaemon("", cfg, st, fetch.New(refresh.FetchOptions(cfg), logger), logger, serveOptions{grace: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(d.httpServer().Handler)
	t.Cleanup(srv.Close)
	return srv.URL
}

const testKey = "0123456789abcdef-test"

func get(t *testing.T, url string, header ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

// TestOnTheFlyClosed: without on_the_fly enabled, both endpoints answer
// 404 whatever the key, and the index shows no form.
func TestOnTheFlyClosed(t *testing.T) {
	site := newPartialSite(t, 1)
	for _, top := range []string{"", fmt.Sprintf("on_the_fly: {enabled: false, keys: [%s]}", testKey)} {
		base := onTheFlyServer(t, top)
		for _, path := range []string{"/fulltext?url=", "/extract?url="} {
			if resp, _ := get(t, base+path+site.srv.URL+"/feed&key="+testKey); resp.StatusCode != http.StatusNotFound {
				t.Errorf("%q: %s answered %d, want 404", top, path, resp.StatusCode)
			}
		}
		if _, body := get(t, base+"/"); strings.Contains(body, `id="onthefly"`) {
			t.Errorf("%q: the index shows the on-the-fly form", top)
		}
	}
	if site.pageRequests() != 0 {
		t.Errorf("%d pages fetched by closed endpoints", site.pageRequests())
	}
}

// TestOnTheFlyKeys: no key is 401, a wrong one 403; the key is taken from
// ?key= or a bearer token.
func TestOnTheFlyKeys(t *testing.T) {
	site := newPartialSite(t, 1)
	base := onTheFlyServer(t, fmt.Sprintf("on_the_fly: {enabled: true, keys: [%s], allow_networks: [127.0.0.0/8]}", testKey))
	feed := base + "/fulltext?url=" + site.srv.URL + "/feed"
	tests := []struct {
		name   string
		url    string
		header []string
		want   int
	}{
		{"no key", feed, nil, http.StatusUnauthorized},
		{"wrong key", feed + "&key=not-the-key-at-all", nil, http.StatusForbidden},
		{"wrong bearer", feed, []string{"Authorization", "Bearer not-the-key-at-all"}, http.StatusForbidden},
		{"key", feed + "&key=" + testKey, nil, http.StatusOK},
		{"bearer", feed, []string{"Authorization", "Bearer " + testKey}, http.StatusOK},
	}
	for _, tt := range tests {
		if resp, body := get(t, tt.url, tt.header...); resp.StatusCode != tt.want {
			t.Errorf("%s: status %d (%.100s), want %d", tt.name, resp.StatusCode, body, tt.want)
		}
	}
}

// TestOnTheFlyRateLimit: a key's requests past rate_limit in a minute are
// answered 429 with a Retry-After.
func TestOnTheFlyRateLimit(t *testing.T) {
	site := newPartialSite(t, 1)
	base := onTheFlyServer(t, fmt.Sprintf("on_the_fly: {enabled: true, keys: [%s], rate_limit: 2, allow_networks: [127.0.0.0/8]}", testKey))
	page := base + "/extract?key=" + testKey + "&url=" + site.srv.URL + "/a/1"
	for i := range 2 {
		if resp, body := get(t, page); resp.StatusCode != http.StatusOK {
			t.Fatalf("request %d: status %d: %s", i+1, resp.StatusCode, body)
		}
	}
	resp, _ := get(t, page)
	if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") == "" {
		t.Errorf("third request: status %d, Retry-After %q; want 429 with Retry-After", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
}

// TestOnTheFlyFullText: a loopback feed is refused, naming the setting,
// unless allow_networks holds 127.0.0.0/8; then the feed comes back with
// each item's article, at most max_items of them fetched, and is cached;
// /extract gives the article as JSON; the index shows the form.
func TestOnTheFlyFullText(t *testing.T) {
	site := newPartialSite(t, 5)
	refused := onTheFlyServer(t, fmt.Sprintf("on_the_fly: {enabled: true, keys: [%s]}", testKey))
	resp, body := get(t, refused+"/fulltext?key="+testKey+"&url="+site.srv.URL+"/feed")
	if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "loopback") || !strings.Contains(body, "on_the_fly.allow_networks") {
		t.Errorf("loopback feed without allow_networks: status %d, body %q; want 403 naming the setting", resp.StatusCode, body)
	}

	base := onTheFlyServer(t, fmt.Sprintf("on_the_fly: {enabled: true, keys: [%s], max_items: 3, allow_networks: [127.0.0.0/8]}", testKey))
	feedURL := base + "/fulltext?key=" + testKey + "&format=atom&limit=50&url=" + site.srv.URL + "/feed"
	resp, body = get(t, feedURL)
	if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Header.Get("Content-Type"), "atom") {
		t.Fatalf("status %d, type %q: %.300s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	feed, err := gofeed.NewParser().ParseString(body)
	if err != nil {
		t.Fatal(err)
	}
	if len(feed.Items) != 3 || site.pageRequests() != 3 {
		t.Fatalf("%d items, %d pages fetched; want max_items 3 of each", len(feed.Items), site.pageRequests())
	}
	for _, it := range feed.Items {
		if !strings.Contains(it.Content, "Full paragraph 4 of /a/") {
			t.Errorf("item %q lacks its article: %.200q", it.Title, it.Content)
		}
	}
	if resp, _ := get(t, feedURL); resp.StatusCode != http.StatusOK || site.pageRequests() != 3 {
		t.Errorf("second request: status %d, %d pages fetched; want the cached answer", resp.StatusCode, site.pageRequests())
	}

	resp, body = get(t, base+"/extract?url="+site.srv.URL+"/a/2", "Authorization", "Bearer "+testKey)
	var art map[string]string
	if err := json.Unmarshal([]byte(body), &art); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("extract: status %d, %v: %.200s", resp.StatusCode, err, body)
	}
	if art["title"] != "Story /a/2" || art["lang"] != "ar" || art["dir"] != "rtl" || !strings.Contains(art["text"], "Full paragraph 4 of /a/2") || !strings.Contains(art["html"], "<p>") {
		t.Errorf("extract JSON %v", art)
	}
	if _, body := get(t, base+"/"); !strings.Contains(body, `id="onthefly"`) {
		t.Error("the index lacks the on-the-fly form")
	}
}

// TestFulltextCommand: "refeed fulltext FEED-URL" prints the full-text
// feed; the URL given on the command line is trusted, loopback or not.
func TestFulltextCommand(t *testing.T) {
	site := newPartialSite(t, 2)
	dir := t.TempDir()
	cfg := writeConfig(t, dir, fmt.Sprintf("output: %s\nstate: %s\nrobots: false\nhost_delay: 0s\nsources:\n  - {name: s, url: \"https://news.example/feed\"}\nfeeds:\n  - {name: f, sources: [s]}\n",
		filepath.Join(dir, "out"), filepath.Join(dir, "state.db")))
	code, stdout, stderr := runMain(t, "fulltext", "--config", cfg, "--format", "json", site.srv.URL+"/feed")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	feed, err := gofeed.NewParser().ParseString(stdout)
	if err != nil {
		t.Fatalf("%v: %.300s", err, stdout)
	}
	if len(feed.Items) != 2 || !strings.Contains(feed.Items[0].Content, "Full paragraph 4") {
		t.Errorf("%d items, first %+v", len(feed.Items), feed.Items)
	}
}
