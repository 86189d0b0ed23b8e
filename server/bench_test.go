package server

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// benchServer serves a feed of n items of about 2 KB each.
func benchServer(b *testing.B, n int) *Server {
	b.Helper()
	dir := b.TempDir()
	var body strings.Builder
	body.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>bench</title>`)
	for i := range n {
		fmt.Fprintf(&body, "<item><title>خبر رقم %d</title><description><![CDATA[%s]]></description></item>", i,
			strings.Repeat("<p>نص الخبر الكامل مع بعض الكلمات الإضافية. </p>", 40))
	}
	body.WriteString("</channel></rss>")
	writeFeedFile(b, filepath.Join(dir, "iraq.xml"), body.String(), modTime)
	return New(Options{Dir: dir, Provider: &fakeProvider{feeds: testFeeds()},
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: func() time.Time { return testNow }})
}

// BenchmarkServeFeed measures serving a cached 100-item feed: plain,
// gzipped, and as a 304 to a conditional request.
func BenchmarkServeFeed(b *testing.B) {
	s := benchServer(b, 100)
	warm := httptest.NewRecorder()
	s.ServeHTTP(warm, httptest.NewRequest("GET", "/iraq.xml", nil))
	b.Logf("feed size %d bytes", warm.Body.Len())
	for _, bc := range []struct {
		name   string
		header map[string]string
	}{
		{"identity", nil},
		{"gzip", map[string]string{"Accept-Encoding": "gzip"}},
		{"not_modified", map[string]string{"If-None-Match": warm.Header().Get("ETag")}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			req := httptest.NewRequest("GET", "/iraq.xml", nil)
			for k, v := range bc.header {
				req.Header.Set(k, v)
			}
			for b.Loop() {
				rec := httptest.NewRecorder()
				s.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK && rec.Code != http.StatusNotModified {
					b.Fatalf("status %d", rec.Code)
				}
			}
		})
	}
}

func BenchmarkIndex(b *testing.B) {
	s := benchServer(b, 1)
	req := httptest.NewRequest("GET", "/", nil)
	for b.Loop() {
		s.ServeHTTP(httptest.NewRecorder(), req)
	}
}
