package store_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/refeed/refeed/feeds"
)

// TestConcurrentReadersAndWriters runs readers against writers on one
// Store; run it with -race. Every reader must see whole transactions:
// each save adds a batch of 10 items to the source, so a reader sees a
// multiple of 10.
func TestConcurrentReadersAndWriters(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	const writers, batches, readers = 2, 10, 4
	var wg sync.WaitGroup
	errs := make(chan error, writers*batches+readers*batches)
	for w := range writers {
		wg.Go(func() {
			for b := range batches {
				items := make([]feeds.Item, 10)
				for i := range items {
					id := fmt.Sprintf("w%d-b%d-i%d", w, b, i)
					items[i] = feeds.Item{ID: id, URL: "https://a.example/" + id}
				}
				if err := s.SaveSourceItems(ctx, "src", items); err != nil {
					errs <- err
				}
			}
		})
	}
	for range readers {
		wg.Go(func() {
			for range batches {
				items, err := s.SourceItems(ctx, "src")
				if err != nil {
					errs <- err
					continue
				}
				if len(items)%10 != 0 {
					errs <- fmt.Errorf("reader saw %d items: a partial transaction", len(items))
				}
				if _, err := s.Health(ctx); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	items, err := s.SourceItems(ctx, "src")
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != writers*batches*10 {
		t.Errorf("stored %d items, want %d", len(items), writers*batches*10)
	}
}
