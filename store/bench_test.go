package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/refeed/refeed/feeds"
)

// benchItems returns n items with article-sized content (~6 KB each).
func benchItems(n int) []feeds.Item {
	body := "<p>" + strings.Repeat("نص المقال الكامل ", 200) + "</p>"
	base := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	items := make([]feeds.Item, n)
	for i := range items {
		id := fmt.Sprintf("item-%04d", i)
		items[i] = feeds.Item{ID: id, URL: "https://a.example/" + id, Title: id, Content: body,
			Text: body, Published: base.Add(time.Duration(i) * time.Minute), Extracted: true}
	}
	return items
}

// BenchmarkSaveSourceItems measures one run's upsert of a 100-item feed.
func BenchmarkSaveSourceItems(b *testing.B) {
	ctx := context.Background()
	s := mustOpen(b)
	items := benchItems(100)
	b.ReportAllocs()
	for b.Loop() {
		if err := s.SaveSourceItems(ctx, "src", items); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkItemsForSources measures loading 5 sources × 200 items.
func BenchmarkItemsForSources(b *testing.B) {
	ctx := context.Background()
	s := mustOpen(b)
	sources := []string{"a", "b", "c", "d", "e"}
	for _, src := range sources {
		if err := s.SaveSourceItems(ctx, src, benchItems(200)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		items, err := s.ItemsForSources(ctx, sources)
		if err != nil || len(items) != 1000 {
			b.Fatal(len(items), err)
		}
	}
}
