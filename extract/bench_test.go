package extract

import (
	"bytes"
	"net/url"
	"path/filepath"
	"testing"

	"golang.org/x/net/html"
)

// extractBenchPages loads the scrapinghub dev pages for the benchmarks.
func extractBenchPages(b *testing.B) ([][]byte, []*url.URL) {
	dir, gt, ids := loadScrapinghub(b)
	pages := make([][]byte, len(ids))
	urls := make([]*url.URL, len(ids))
	for i, id := range ids {
		pages[i] = readMaybeGzip(b, filepath.Join(dir, "html", id+".html.gz"))
		u, err := url.Parse(gt[id].URL)
		if err != nil {
			b.Fatal(err)
		}
		urls[i] = u
	}
	return pages, urls
}

func pageBytes(pages [][]byte) int64 {
	var n int64
	for _, p := range pages {
		n += int64(len(p))
	}
	return n
}

// BenchmarkExtract extracts every scrapinghub dev page once per iteration.
// Compare with BenchmarkParseOnly: the goal is within about twice a bare
// html.Parse of the same pages.
func BenchmarkExtract(b *testing.B) {
	pages, urls := extractBenchPages(b)
	b.SetBytes(pageBytes(pages))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i, p := range pages {
			if _, err := Extract(bytes.NewReader(p), urls[i], nil); err != nil {
				b.Fatalf("%s: %v", urls[i], err)
			}
		}
	}
}

// BenchmarkParseOnly parses every scrapinghub dev page with html.Parse.
func BenchmarkParseOnly(b *testing.B) {
	pages, _ := extractBenchPages(b)
	b.SetBytes(pageBytes(pages))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pages {
			if _, err := html.Parse(bytes.NewReader(p)); err != nil {
				b.Fatal(err)
			}
		}
	}
}
