package extract

import (
	"bytes"
	"errors"
	"net/url"
	"path/filepath"
	"sort"
	"testing"

	"golang.org/x/net/html"
)

// extractBenchPages loads the scrapinghub dev pages for the benchmarks.
func extractBenchPages(b *testing.B) ([][]byte, []*url.URL) {
	dir, gt, ids := loadScrapinghub(b)
	return readBenchPages(b, dir, ids, func(id string) string { return gt[id].URL })
}

// wcxbBenchPages loads the wcxb-dev pages for the benchmarks, in id order.
func wcxbBenchPages(b *testing.B) ([][]byte, []*url.URL) {
	dir, gt := wcxbCorpus(b)
	ids := make([]string, 0, len(gt))
	for id := range gt {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return readBenchPages(b, dir, ids, func(id string) string { return gt[id].URL })
}

// readBenchPages reads the pages html/<id>.html.gz under dir and parses the
// URL urlOf gives for each.
func readBenchPages(b *testing.B, dir string, ids []string, urlOf func(id string) string) ([][]byte, []*url.URL) {
	pages := make([][]byte, len(ids))
	urls := make([]*url.URL, len(ids))
	for i, id := range ids {
		pages[i] = readMaybeGzip(b, filepath.Join(dir, "html", id+".html.gz"))
		u, err := url.Parse(urlOf(id))
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
	benchExtract(b, pages, urls)
}

// BenchmarkExtractWCXB extracts every wcxb-dev page once per iteration
// (compare with BenchmarkParseOnlyWCXB).
func BenchmarkExtractWCXB(b *testing.B) {
	pages, urls := wcxbBenchPages(b)
	benchExtract(b, pages, urls)
}

// benchExtract extracts every page once per iteration. A page where the
// extractor finds no article is timed like the others (a few wcxb-dev
// pages are such).
func benchExtract(b *testing.B, pages [][]byte, urls []*url.URL) {
	b.SetBytes(pageBytes(pages))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i, p := range pages {
			if _, err := Extract(bytes.NewReader(p), urls[i], nil); err != nil && !errors.Is(err, ErrNoArticle) {
				b.Fatalf("%s: %v", urls[i], err)
			}
		}
	}
}

// BenchmarkParseOnly parses every scrapinghub dev page with html.Parse.
func BenchmarkParseOnly(b *testing.B) {
	pages, _ := extractBenchPages(b)
	benchParse(b, pages)
}

// BenchmarkParseOnlyWCXB parses every wcxb-dev page with html.Parse.
func BenchmarkParseOnlyWCXB(b *testing.B) {
	pages, _ := wcxbBenchPages(b)
	benchParse(b, pages)
}

// benchParse parses every page with html.Parse once per iteration.
func benchParse(b *testing.B, pages [][]byte) {
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
