package feeds_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/refeed/refeed/feeds"
)

// parsed returns an item as Parse would hand it over, hash included.
func parsed(url, title, summary string) feeds.Item {
	it := newItem("src", url, title)
	it.Summary = summary
	it.ContentHash = feeds.ContentHash(it)
	return it
}

func TestMerge(t *testing.T) {
	now := day(28, 12)
	earlier := day(20, 9)
	stored := parsed("https://e.com/1", "One", "v1")
	stored.FirstSeen, stored.Published = earlier, day(20, 8)
	stored.Content, stored.Text, stored.Extracted = "<p>extracted</p>", "extracted", true

	tests := []struct {
		name  string
		in    feeds.Item
		check func(t *testing.T, got feeds.Item)
	}{
		{"unchanged item stays as stored", func() feeds.Item {
			in := parsed("https://e.com/1", "One", "v1")
			in.Published = day(28, 11) // the source rewrote its date
			return in
		}(), func(t *testing.T, got feeds.Item) {
			if !reflect.DeepEqual(got, stored) {
				t.Errorf("got %+v, want the stored item unchanged", got)
			}
		}},
		{"changed item keeps identity and dates, Updated=now", parsed("https://e.com/1", "One (edited)", "v2"),
			func(t *testing.T, got feeds.Item) {
				if got.ID != stored.ID || !got.FirstSeen.Equal(earlier) || !got.Published.Equal(stored.Published) {
					t.Errorf("identity lost: %+v", got)
				}
				if !got.Updated.Equal(now) || got.Title != "One (edited)" || got.Summary != "v2" {
					t.Errorf("update not applied: %+v", got)
				}
				if got.Extracted || got.Content != "" {
					t.Errorf("stale extracted content kept: %+v", got)
				}
			}},
		{"changed item with its own updated date", func() feeds.Item {
			in := parsed("https://e.com/1", "One", "v3")
			in.Updated = day(27, 6)
			return in
		}(), func(t *testing.T, got feeds.Item) {
			if !got.Updated.Equal(day(27, 6)) {
				t.Errorf("updated = %v, want the source's date", got.Updated)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := feeds.Merge([]feeds.Item{stored}, []feeds.Item{tt.in}, now)
			if len(out) != 1 {
				t.Fatalf("got %d items, want 1", len(out))
			}
			tt.check(t, out[0])
		})
	}
}

func TestMergeNewAndKept(t *testing.T) {
	now := day(28, 12)
	old := parsed("https://e.com/old", "Old", "")
	old.FirstSeen = day(1, 1)
	fresh := parsed("https://e.com/new", "New", "")
	dup := fresh
	dup.Title = "New again"
	out := feeds.Merge([]feeds.Item{old}, []feeds.Item{fresh, dup}, now)
	if len(out) != 2 {
		t.Fatalf("got %d items, want 2 (stored kept, duplicate ignored)", len(out))
	}
	if out[0].ID != old.ID || out[1].ID != fresh.ID {
		t.Fatalf("order: %q %q", out[0].Title, out[1].Title)
	}
	if !out[1].FirstSeen.Equal(now) || out[1].Title != "New" {
		t.Errorf("new item: %+v", out[1])
	}
	if fresh.FirstSeen != (time.Time{}) {
		t.Error("Merge modified its input")
	}
}

func TestMergeAdoptsExtraction(t *testing.T) {
	stored := parsed("https://e.com/1", "One", "v1")
	stored.FirstSeen = day(1, 1)
	in := stored
	in.FirstSeen = time.Time{}
	in.Content, in.Text, in.Extracted = "<p>full</p>", "full", true
	got := feeds.Merge([]feeds.Item{stored}, []feeds.Item{in}, day(2, 1))[0]
	if !got.Extracted || got.Content != "<p>full</p>" || !got.FirstSeen.Equal(day(1, 1)) || !got.Updated.IsZero() {
		t.Errorf("got %+v", got)
	}
}

func TestPending(t *testing.T) {
	a := parsed("https://e.com/a", "A", "")
	b := parsed("https://e.com/b", "B", "")
	stored := []feeds.Item{a, b}
	bEdited := parsed("https://e.com/b", "B", "edited")
	c := parsed("https://e.com/c", "C", "")
	got := feeds.Pending(stored, []feeds.Item{a, bEdited, c})
	if len(got) != 2 || got[0].ID != bEdited.ID || got[1].ID != c.ID {
		t.Errorf("Pending = %v, want the edited and the new item", got)
	}
}

func TestMergeClampsFutureDates(t *testing.T) {
	now := day(28, 12)
	in := parsed("https://e.com/tz", "Baghdad time labelled GMT", "")
	in.Published = now.Add(3 * time.Hour)
	got := feeds.Merge(nil, []feeds.Item{in}, now)[0]
	if !got.Published.Equal(now) {
		t.Errorf("published = %v, want it capped at %v", got.Published, now)
	}
	past := parsed("https://e.com/past", "Yesterday", "")
	past.Published = now.Add(-24 * time.Hour)
	if got := feeds.Merge(nil, []feeds.Item{past}, now)[0]; !got.Published.Equal(past.Published) {
		t.Errorf("past date changed to %v", got.Published)
	}
}
