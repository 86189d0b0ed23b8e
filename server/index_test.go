package server

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/refeed/refeed/opml"
)

func TestIndexGolden(t *testing.T) {
	s, _ := newTestServer(t, func(o *Options) { o.Metrics = http.NotFoundHandler() })
	rec := do(t, s, "GET", "/", nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("status = %d", rec.Code)
	}
	if got := rec.Header().Get("Content-Type"); got != "text/html; charset=utf-8" {
		t.Errorf("Content-Type = %q", got)
	}
	golden := filepath.Join("testdata", "index.golden.html")
	if *update {
		if err := os.WriteFile(golden, rec.Body.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(rec.Body.Bytes(), want) {
		t.Errorf("index differs from %s (go test -update to accept):\n%s", golden, rec.Body.Bytes())
	}
}

func TestIndexListsEveryFeed(t *testing.T) {
	s, _ := newTestServer(t, nil)
	page := do(t, s, "GET", "/", nil).Body.String()
	for _, f := range testFeeds() {
		if f.Updated.IsZero() {
			if strings.Contains(page, `href="`+f.Name+`.xml"`) {
				t.Errorf("index links the files of %s, which is not built yet", f.Name)
			}
			continue
		}
		for _, want := range []string{
			`<link rel="alternate" type="application/rss+xml" title="` + attrEscape(f.Title) + ` (RSS)" href="` + f.Name + `.xml">`,
			`<link rel="alternate" type="application/atom+xml" title="` + attrEscape(f.Title) + ` (Atom)" href="` + f.Name + `.atom">`,
			`<link rel="alternate" type="application/feed+json" title="` + attrEscape(f.Title) + ` (JSON Feed)" href="` + f.Name + `.json">`,
			`<article class="card feed" id="feed-` + f.Name + `">`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("index lacks %s", want)
			}
		}
	}
	for _, src := range testSources() {
		if !strings.Contains(page, `id="source-`+src.Name+`"`) {
			t.Errorf("index lacks source %s", src.Name)
		}
	}
	for _, want := range []string{"503 Service Unavailable", "The site has a server error (HTTP 503).", "failing, 2 in a row",
		"Tech &lt;&amp;&gt; news", "not built yet", "2d ago", "30m ago", "in 25m", `title="2026-11-28 14:30 +03:00"`,
		`value="http://example.com/iraq.xml"`, "Last 3 polls: 15 new items, 0 failed", "Last 3 polls: 4 new items, 2 failed",
		`<h1 dir="auto">Iraqi news</h1>`, "1 failing"} {
		if !strings.Contains(page, want) {
			t.Errorf("index lacks %q", want)
		}
	}
	if strings.Contains(page, "Tech <&> news") {
		t.Error("feed title is not escaped")
	}
}

// attrEscape escapes s the way html/template does inside an attribute.
func attrEscape(s string) string {
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;", "&", "&amp;")
	return r.Replace(s)
}

func TestOPML(t *testing.T) {
	tests := []struct {
		name    string
		baseURL string
		header  map[string]string
		want    string
	}{
		{"from Host", "", nil, "http://example.com/iraq.xml"},
		{"behind a proxy", "", map[string]string{"X-Forwarded-Proto": "https", "X-Forwarded-Host": "news.example.org, proxy"}, "https://news.example.org/iraq.xml"},
		{"configured base", "https://example.org/refeed/", nil, "https://example.org/refeed/iraq.xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newTestServer(t, func(o *Options) { o.BaseURL = func() string { return tt.baseURL } })
			rec := do(t, s, "GET", "/opml", tt.header)
			if got := rec.Header().Get("Content-Type"); got != "text/x-opml; charset=utf-8" {
				t.Errorf("Content-Type = %q", got)
			}
			doc, err := opml.Parse(rec.Body)
			if err != nil {
				t.Fatal(err)
			}
			feeds := doc.Feeds()
			if len(feeds) != len(testFeeds()) {
				t.Fatalf("OPML has %d feeds, want %d", len(feeds), len(testFeeds()))
			}
			if feeds[0].XMLURL != tt.want || feeds[0].Title != "أخبار العراق" || feeds[0].Language != "ar" {
				t.Errorf("first feed = %+v, want xmlUrl %s", feeds[0], tt.want)
			}
			if !doc.Created.Equal(modTime) {
				t.Errorf("dateCreated = %v, want the newest feed's %v", doc.Created, modTime)
			}
		})
	}
}

func TestHealthz(t *testing.T) {
	tests := []struct {
		name   string
		health func(context.Context) error
		code   int
	}{
		{"no check", nil, http.StatusOK},
		{"healthy", func(context.Context) error { return nil }, http.StatusOK},
		{"unhealthy", func(context.Context) error { return errors.New("store: closed") }, http.StatusServiceUnavailable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newTestServer(t, func(o *Options) { o.Health = tt.health })
			rec := do(t, s, "GET", "/healthz", nil)
			if rec.Code != tt.code {
				t.Errorf("status = %d, want %d", rec.Code, tt.code)
			}
		})
	}
}

func TestMetricsRoute(t *testing.T) {
	s, _ := newTestServer(t, nil)
	if rec := do(t, s, "GET", "/metrics", nil); rec.Code != http.StatusNotFound {
		t.Errorf("/metrics without a handler = %d, want 404", rec.Code)
	}
	s, _ = newTestServer(t, func(o *Options) {
		o.Metrics = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("refeed_up 1\n")) })
	})
	if rec := do(t, s, "GET", "/metrics", nil); rec.Body.String() != "refeed_up 1\n" {
		t.Errorf("/metrics = %q", rec.Body.String())
	}
}
