package server

import (
	"context"
	"errors"
	"flag"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "update golden files")

// fakeProvider is a Provider with fixed answers.
type fakeProvider struct {
	feeds   []Feed
	sources []SourceHealth
	err     error
}

func (p *fakeProvider) Feeds(context.Context) ([]Feed, error) { return p.feeds, p.err }
func (p *fakeProvider) HasFeed(_ context.Context, name string) (bool, error) {
	return hasFeed(p.feeds, name), p.err
}
func (p *fakeProvider) Sources(context.Context) ([]SourceHealth, error) {
	return p.sources, p.err
}

var _ Provider = (*fakeProvider)(nil)

var (
	testNow  = time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	modTime  = time.Date(2026, 11, 28, 11, 30, 0, 0, time.UTC)
	rssBody  = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>العراق</title></channel></rss>\n"
	atomBody = "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>العراق</title></feed>\n"
	jsonBody = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"العراق\"}\n"
)

func testFeeds() []Feed {
	return []Feed{
		{Name: "iraq", Title: "أخبار العراق", Description: "Iraqi news, full text", Language: "ar",
			Items: 42, Updated: modTime, Sources: []string{"alsumaria", "shafaq"}},
		{Name: "tech", Title: "Tech <&> news", Items: 7, Updated: testNow.Add(-50 * time.Hour)},
		{Name: "pending", Title: "Not built yet"},
	}
}

func testSources() []SourceHealth {
	return []SourceHealth{
		{Name: "alsumaria", URL: "https://www.alsumaria.tv/", LastSuccess: testNow.Add(-5 * time.Minute), Items: 30,
			NextPoll: testNow.Add(25 * time.Minute), History: []Poll{{New: 3}, {New: 0}, {New: 12}}},
		{Name: "shafaq", LastSuccess: testNow.Add(-3 * time.Hour), LastErrorAt: testNow.Add(-10 * time.Minute),
			LastError:      "fetch: https://shafaq.com/ar/rss: http status 503 Service Unavailable",
			LastErrorWords: "The site has a server error (HTTP 503).", Failures: 2, Items: 12,
			NextPoll: testNow.Add(50 * time.Minute), History: []Poll{{New: 4}, {Failed: true}, {Failed: true}}},
		{Name: "newcomer"},
	}
}

// newTestServer writes the feed files of "iraq" into a temp dir and
// returns a Server over it.
func newTestServer(t *testing.T, mod func(*Options)) (*Server, string) {
	t.Helper()
	dir := t.TempDir()
	for name, body := range map[string]string{"iraq.xml": rssBody, "iraq.atom": atomBody, "iraq.json": jsonBody} {
		writeFeedFile(t, filepath.Join(dir, name), body, modTime)
	}
	opts := Options{
		Dir: dir, Provider: &fakeProvider{feeds: testFeeds(), sources: testSources()},
		Title: func() string { return "Iraqi news" }, Now: func() time.Time { return testNow },
		Location: func() *time.Location { return time.FixedZone("Asia/Baghdad", 3*3600) },
		Logger:   slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	if mod != nil {
		mod(&opts)
	}
	return New(opts), dir
}

func writeFeedFile(t testing.TB, path, body string, mod time.Time) {
	t.Helper()
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, mod, mod); err != nil {
		t.Fatal(err)
	}
}

// do runs one request through the handler.
func do(t *testing.T, h http.Handler, method, target string, header map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestFeedContentTypes(t *testing.T) {
	s, _ := newTestServer(t, nil)
	tests := []struct {
		path, ctype, body string
	}{
		{"/iraq.xml", "application/rss+xml; charset=utf-8", rssBody},
		{"/iraq.atom", "application/atom+xml; charset=utf-8", atomBody},
		{"/iraq.json", "application/feed+json; charset=utf-8", jsonBody},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			rec := do(t, s, "GET", tt.path, nil)
			if rec.Code != http.StatusOK {
				t.Fatalf("status = %d, want 200", rec.Code)
			}
			if got := rec.Header().Get("Content-Type"); got != tt.ctype {
				t.Errorf("Content-Type = %q, want %q", got, tt.ctype)
			}
			if got := rec.Body.String(); got != tt.body {
				t.Errorf("body = %q, want %q", got, tt.body)
			}
			if got := rec.Header().Get("Last-Modified"); got != modTime.Format(http.TimeFormat) {
				t.Errorf("Last-Modified = %q", got)
			}
			if rec.Header().Get("ETag") == "" {
				t.Error("no ETag")
			}
		})
	}
}

func TestFeedNotFound(t *testing.T) {
	s, _ := newTestServer(t, nil)
	tests := []struct {
		path string
		code int
	}{
		{"/unknown.xml", http.StatusNotFound},
		{"/iraq.html", http.StatusNotFound},
		{"/iraq", http.StatusNotFound},
		{"/..%2fetc%2fpasswd.xml", http.StatusNotFound},
		{"/pending.xml", http.StatusServiceUnavailable}, // configured, not written yet
	}
	for _, tt := range tests {
		rec := do(t, s, "GET", tt.path, nil)
		if rec.Code != tt.code {
			t.Errorf("GET %s = %d, want %d", tt.path, rec.Code, tt.code)
		}
	}
	if got := do(t, s, "GET", "/pending.atom", nil).Header().Get("Retry-After"); got == "" {
		t.Error("503 for an unbuilt feed has no Retry-After")
	}
}

func TestProviderErrorIs500(t *testing.T) {
	s, _ := newTestServer(t, func(o *Options) { o.Provider = &fakeProvider{err: errors.New("db gone")} })
	for _, path := range []string{"/", "/iraq.xml", "/opml"} {
		rec := do(t, s, "GET", path, nil)
		if rec.Code != http.StatusInternalServerError {
			t.Errorf("GET %s = %d, want 500", path, rec.Code)
		}
		if strings.Contains(rec.Body.String(), "db gone") {
			t.Errorf("GET %s leaks the internal error", path)
		}
	}
}
