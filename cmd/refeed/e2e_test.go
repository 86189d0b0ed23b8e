package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/refeed/refeed/internal/testcorpus"
)

// chromeLines are lines of the seed page that are page chrome, not article.
var chromeLines = []string{
	"اشترك في قناة وكالة انباء براثا على التلجرام",
	"اضف تعليقك",
	"الاسم والنص والتحقق من الروبوت ضروري",
	"الاسعار الرسمية للعملات مقابل الدينار",
	"الموضوع :",
	"انا استغرب لماذا لابد ان يقدم شاب عراقي",
	"انتحار طالب بعد عودته من الامتحان في واسط",
	"الحسين في قلب المسيح",
	"telegram.me",
	"دولار امريكي",
}

// sourceSite is a loopback news site: an RSS feed whose items link to
// article pages. It counts requests and answers conditional GETs.
type sourceSite struct {
	t     *testing.T
	mu    sync.Mutex
	pages map[string][]byte // path → HTML
	order []string
	hits  map[string]int
	srv   *httptest.Server
	// notModified counts the feed requests answered 304.
	notModified int
}

func newSourceSite(t *testing.T) *sourceSite {
	s := &sourceSite{t: t, pages: map[string][]byte{}, hits: map[string]int{}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *sourceSite) addPage(path string, html []byte) {
	s.pages[path] = html
	s.order = append(s.order, path)
}

func (s *sourceSite) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.Path]++
	s.mu.Unlock()
	switch {
	case r.URL.Path == "/rss.php":
		const etag = `"feed-v1"`
		if r.Header.Get("If-None-Match") == etag {
			s.mu.Lock()
			s.notModified++
			s.mu.Unlock()
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		io.WriteString(w, s.feed())
	case r.URL.Path == "/robots.txt":
		http.NotFound(w, r)
	case s.pages[r.URL.Path] != nil:
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(s.pages[r.URL.Path])
	default:
		http.NotFound(w, r)
	}
}

func (s *sourceSite) feed() string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Site</title><link>` + s.srv.URL + `/</link>`)
	for i, p := range s.order {
		fmt.Fprintf(&b, `<item><title>Item %d</title><link>%s%s?utm_source=rss</link><description>teaser %d</description><pubDate>Sat, 28 Sep 2024 1%d:00:00 +0300</pubDate></item>`, i, s.srv.URL, p, i, i)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

// articleHits counts requests for article pages.
func (s *sourceSite) articleHits() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for p, c := range s.hits {
		if s.pages[p] != nil {
			n += c
		}
	}
	return n
}

// writeConfig writes a sources.yaml for the site into dir.
func writeConfig(t *testing.T, dir, body string) string {
	t.Helper()
	path := filepath.Join(dir, "sources.yaml")
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func runMain(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := Main(context.Background(), args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// scrapinghubPages returns up to n article pages with their expected text
// from the shared corpus, or nil when it is absent.
func scrapinghubPages(t *testing.T, n int) map[string]string {
	var dir string
	t.Run("scrapinghub-dev", func(t *testing.T) { dir = testcorpus.Dir(t, "scrapinghub-dev") })
	if dir == "" {
		t.Log("shared corpus not found: the end-to-end test runs on the seed page only")
		return nil
	}
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	var truth map[string]struct{ ArticleBody string }
	if err := json.Unmarshal(raw, &truth); err != nil {
		t.Fatal(err)
	}
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	pages := map[string]string{}
	for _, id := range ids[:n] {
		html := testcorpus.ReadFile(t, filepath.Join(dir, "html", id+".html.gz"))
		pages[string(html)] = truth[id].ArticleBody
	}
	return pages
}

var spaces = regexp.MustCompile(`\s+`)

func normalize(s string) string { return strings.TrimSpace(spaces.ReplaceAllString(s, " ")) }

// stripTags turns HTML into text for containment checks.
func stripTags(s string) string {
	return normalize(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(s, " "))
}
