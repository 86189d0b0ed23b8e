package extract

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// benchPages loads the scrapinghub-dev pages, skipping without the corpus.
func benchPages(b *testing.B) [][]byte {
	b.Helper()
	dir := sharedCorpus(b, "scrapinghub-dev/html")
	paths, err := filepath.Glob(filepath.Join(dir, "*.html.gz"))
	if err != nil || len(paths) == 0 {
		b.Skipf("no pages in %s", dir)
	}
	var pages [][]byte
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			b.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			b.Fatal(err)
		}
		page, err := io.ReadAll(zr)
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, page)
	}
	return pages
}

// BenchmarkParse is the yardstick: html.Parse of every scrapinghub-dev page.
func BenchmarkParse(b *testing.B) {
	pages := benchPages(b)
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pages {
			if _, err := html.Parse(bytes.NewReader(p)); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkReadMetadata times readMetadata alone over the same pages,
// on trees parsed beforehand, to compare with BenchmarkParse.
func BenchmarkReadMetadata(b *testing.B) {
	pages := benchPages(b)
	docs := make([]*goquery.Document, len(pages))
	for i, p := range pages {
		root, err := html.Parse(bytes.NewReader(p))
		if err != nil {
			b.Fatal(err)
		}
		docs[i] = goquery.NewDocumentFromNode(root)
	}
	u, _ := url.Parse("https://example.com/2020/01/02/story.html")
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			readMetadata(d, u, time.UTC)
		}
	}
}
