package store_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/refeed/refeed/feeds"
)

// NewestItems gives the first limit items of what ItemsForSources gives,
// in the same order, for any limit and date floor, reading about limit
// index rows rather than every item.
func TestNewestItems(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	seed(t, s, []string{"a", "b", "c"}, 40)
	seed(t, s, []string{"d"}, 3)
	all, err := s.ItemsForSources(ctx, []string{"a", "b", "c", "d"})
	if err != nil {
		t.Fatal(err)
	}
	base := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		limit int
		since time.Time
	}{{1, time.Time{}}, {7, time.Time{}}, {50, time.Time{}}, {200, time.Time{}}, {30, base.Add(35 * time.Hour)}} {
		before := s.Reads()
		got, err := s.NewestItems(ctx, []string{"a", "b", "c", "d", "a"}, tt.limit, tt.since)
		if err != nil {
			t.Fatal(err)
		}
		var want []feeds.Item
		for _, it := range all {
			if len(want) < tt.limit && (tt.since.IsZero() || !it.Published.Before(tt.since)) {
				want = append(want, it)
			}
		}
		if !slices.Equal(ids(got), ids(want)) {
			t.Errorf("NewestItems(%d, %v) = %v, want %v", tt.limit, tt.since, ids(got), ids(want))
		}
		reads := s.Reads()
		if n := reads.Items - before.Items; n != int64(len(want)) {
			t.Errorf("NewestItems(%d) decoded %d items, want %d", tt.limit, n, len(want))
		}
		if keys, most := reads.Keys-before.Keys, int64(tt.limit+4*(tt.limit/4+8)); keys > most {
			t.Errorf("NewestItems(%d) read %d index rows, want at most %d", tt.limit, keys, most)
		}
	}
}

// PruneOlder keeps the newest items and those not older than the date,
// per source, and says how many it deleted.
func TestPruneOlder(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	seed(t, s, []string{"a", "b"}, 10)
	base := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	n, err := s.PruneOlder(ctx, "a", 6, time.Time{})
	if err != nil || n != 4 {
		t.Fatalf("PruneOlder(a, 6) = %d, %v; want 4", n, err)
	}
	if n, err = s.PruneOlder(ctx, "a", 6, base.Add(7*time.Hour)); err != nil || n != 3 {
		t.Fatalf("PruneOlder(a, 6, 07:00) = %d, %v; want 3", n, err)
	}
	got, _ := s.SourceItems(ctx, "a")
	if want := []string{"a-09", "a-08", "a-07"}; !slices.Equal(ids(got), want) {
		t.Errorf("a keeps %v, want %v", ids(got), want)
	}
	if other, _ := s.SourceItems(ctx, "b"); len(other) != 10 {
		t.Errorf("b keeps %d items, want 10", len(other))
	}
}

// Pending items come back newest first up to the limit, and leave the
// list when saved again as not pending; ContentHashes gives stored hashes
// without decoding items.
func TestPendingItemsAndHashes(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	base := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	var items []feeds.Item
	for i := range 5 {
		id := fmt.Sprintf("p-%d", i)
		items = append(items, feeds.Item{ID: id, URL: "https://p.example/" + id, Published: base.Add(time.Duration(i) * time.Hour), ContentHash: "h" + id})
	}
	waiting := func(it feeds.Item) bool { return it.ID != "p-4" }
	if err := s.SaveItems(ctx, "p", items, waiting); err != nil {
		t.Fatal(err)
	}
	got, err := s.PendingItems(ctx, "p", 2)
	if err != nil || !slices.Equal(ids(got), []string{"p-3", "p-2"}) {
		t.Fatalf("PendingItems(2) = %v, %v; want [p-3 p-2]", ids(got), err)
	}
	if err := s.SaveSourceItems(ctx, "p", items[3:4]); err != nil { // p-3 done
		t.Fatal(err)
	}
	if got, _ = s.PendingItems(ctx, "p", 10); !slices.Equal(ids(got), []string{"p-2", "p-1", "p-0"}) {
		t.Errorf("PendingItems after saving p-3 = %v, want [p-2 p-1 p-0]", ids(got))
	}
	before := s.Reads().Items
	hashes, err := s.ContentHashes(ctx, "p", []string{"p-0", "p-4", "nope"})
	if err != nil || len(hashes) != 2 || hashes["p-0"] != "hp-0" || hashes["p-4"] != "hp-4" {
		t.Errorf("ContentHashes = %v, %v", hashes, err)
	}
	if s.Reads().Items != before {
		t.Error("ContentHashes decoded items")
	}
}
