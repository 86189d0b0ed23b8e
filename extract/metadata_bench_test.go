package extract

import (
	"bytes"
	"net/url"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// benchPages loads the scrapinghub-dev pages, skipping without the corpus.
func benchPages(b *testing.B) [][]byte {
	b.Helper()
	pages, _ := extractBenchPages(b)
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

// benchDateTexts are byline-like texts, with and without a date.
var benchDateTexts = []string{
	"Published Apr 26, 2023 by Jo Smith · 7 min read",
	"By Kathryn Giuffrida Mar 5, 2025 | 6 comments",
	"الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)",
	"Veröffentlicht am 3. März 2020 um 14:30 Uhr",
	"The 16 Best Clothing Subscription Boxes in 2025 and what they cost in May",
	"Copyright © 2026 Kiersten Hickman · Theme by Foo",
	"Updated on 09/11/25 at 10:00",
}

// BenchmarkFindDateInText reads the dates of short byline-like texts, as
// the headline block and the fallbacks do on every page.
func BenchmarkFindDateInText(b *testing.B) {
	for b.Loop() {
		for _, s := range benchDateTexts {
			findDateInText(s, true, time.UTC)
		}
	}
}
