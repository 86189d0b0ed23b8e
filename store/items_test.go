package store_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/refeed/refeed/feeds"
)

// fullItem returns an item with every field set; times carry a zone
// other than UTC and a monotonic reading, which the store must drop.
func fullItem(id string, published time.Time) feeds.Item {
	baghdad := time.FixedZone("AST", 3*3600)
	return feeds.Item{
		ID:          id,
		Source:      "buratha",
		SourceGUID:  "guid-" + id,
		URL:         "https://burathanews.com/arabic/news/" + id,
		Title:       "عنوان الخبر " + id,
		Summary:     "<p>ملخص</p>",
		Content:     "<p>نص المقال الكامل</p>",
		Text:        "نص المقال الكامل",
		Authors:     []string{"كاتب"},
		Categories:  []string{"سياسة", "العراق"},
		Image:       "https://burathanews.com/img/" + id + ".jpg",
		Enclosures:  []feeds.Enclosure{{URL: "https://burathanews.com/a.mp3", Type: "audio/mpeg", Length: 1234}},
		Lang:        "ar",
		Dir:         "rtl",
		Published:   published.In(baghdad),
		Updated:     published.Add(time.Hour).In(baghdad),
		FirstSeen:   time.Now(), // has a monotonic reading
		Extracted:   true,
		ContentHash: "sha256:" + id,
	}
}

func TestItems_RoundTrip(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	pub := time.Date(2026, 11, 27, 10, 30, 15, 123456789, time.UTC)
	in := fullItem("a1", pub)
	if err := s.SaveSourceItems(ctx, "buratha", []feeds.Item{in}); err != nil {
		t.Fatal(err)
	}
	got, err := s.SourceItems(ctx, "buratha")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("got %d items, want 1", len(got))
	}
	want := in
	want.Published = in.Published.UTC()
	want.Updated = in.Updated.UTC()
	want.FirstSeen = in.FirstSeen.Round(0).UTC()
	if !reflect.DeepEqual(got[0], want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got[0], want)
	}
	if got[0].Published.Location() != time.UTC {
		t.Errorf("Published location = %v, want UTC", got[0].Published.Location())
	}
}

func TestItems_UpsertKeepsFirstSeen(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	first := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	it := feeds.Item{ID: "x", URL: "https://a.example/x", Title: "old", FirstSeen: first}
	if err := s.SaveSourceItems(ctx, "src", []feeds.Item{it}); err != nil {
		t.Fatal(err)
	}
	it.Title = "new"
	it.FirstSeen = first.Add(48 * time.Hour)
	if err := s.SaveSourceItems(ctx, "src", []feeds.Item{it}); err != nil {
		t.Fatal(err)
	}
	got, err := s.SourceItems(ctx, "src")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("got %d items, want 1 (upsert, not insert)", len(got))
	}
	if got[0].Title != "new" {
		t.Errorf("Title = %q, want the update %q", got[0].Title, "new")
	}
	if !got[0].FirstSeen.Equal(first) {
		t.Errorf("FirstSeen = %v, want the first one %v", got[0].FirstSeen, first)
	}
	if got[0].Source != "src" {
		t.Errorf("Source = %q, want it filled in as %q", got[0].Source, "src")
	}
}

func TestItems_ZeroFirstSeenGetsNow(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	before := time.Now().Add(-time.Second)
	if err := s.SaveSourceItems(ctx, "src", []feeds.Item{{ID: "x", URL: "https://a.example/x"}}); err != nil {
		t.Fatal(err)
	}
	got, err := s.SourceItems(ctx, "src")
	if err != nil {
		t.Fatal(err)
	}
	if got[0].FirstSeen.Before(before) {
		t.Errorf("FirstSeen = %v, want about now", got[0].FirstSeen)
	}
}

func TestItems_Rejects(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	tests := []struct {
		name string
		item feeds.Item
	}{
		{"no id", feeds.Item{URL: "https://a.example/"}},
		{"other source", feeds.Item{ID: "x", Source: "other"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			good := feeds.Item{ID: "ok", URL: "https://a.example/ok"}
			if err := s.SaveSourceItems(ctx, "src", []feeds.Item{good, tt.item}); err == nil {
				t.Fatal("SaveSourceItems succeeded")
			}
			got, err := s.SourceItems(ctx, "src")
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 0 {
				t.Errorf("stored %d items; a failed save must store none (one transaction)", len(got))
			}
		})
	}
}

// seed stores n items per source with Published one hour apart; item i
// of a source is newer than item i-1.
func seed(t *testing.T, s interface {
	SaveSourceItems(context.Context, string, []feeds.Item) error
}, sources []string, n int) {
	t.Helper()
	base := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, src := range sources {
		items := make([]feeds.Item, n)
		for i := range items {
			id := fmt.Sprintf("%s-%02d", src, i)
			items[i] = feeds.Item{ID: id, URL: "https://" + src + ".example/" + id,
				Title: id, Published: base.Add(time.Duration(i) * time.Hour)}
		}
		if err := s.SaveSourceItems(context.Background(), src, items); err != nil {
			t.Fatal(err)
		}
	}
}

func ids(items []feeds.Item) []string {
	if len(items) == 0 {
		return nil
	}
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.ID
	}
	return out
}

func TestItems_OrderAndPrune(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	seed(t, s, []string{"a", "b"}, 5)
	got, err := s.SourceItems(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a-04", "a-03", "a-02", "a-01", "a-00"}; !reflect.DeepEqual(ids(got), want) {
		t.Errorf("SourceItems order = %v, want newest first %v", ids(got), want)
	}
	n, err := s.Prune(ctx, "a", 2)
	if err != nil {
		t.Fatal(err)
	}
	if n != 3 {
		t.Errorf("Prune deleted %d, want 3", n)
	}
	got, _ = s.SourceItems(ctx, "a")
	if want := []string{"a-04", "a-03"}; !reflect.DeepEqual(ids(got), want) {
		t.Errorf("after Prune: %v, want %v", ids(got), want)
	}
	other, _ := s.SourceItems(ctx, "b")
	if len(other) != 5 {
		t.Errorf("Prune of a touched b: %d items left, want 5", len(other))
	}
	if _, err := s.Prune(ctx, "a", -1); err == nil {
		t.Error("Prune(-1) succeeded")
	}
}

func TestItems_ItemsForSources(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	seed(t, s, []string{"a", "b", "c"}, 2)
	tests := []struct {
		sources []string
		want    []string
	}{
		{nil, nil},
		{[]string{"b"}, []string{"b-01", "b-00"}},
		{[]string{"a", "c"}, []string{"a-01", "c-01", "a-00", "c-00"}},
		{[]string{"missing"}, nil},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.sources), func(t *testing.T) {
			got, err := s.ItemsForSources(ctx, tt.sources)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(ids(got), tt.want) {
				t.Errorf("ItemsForSources(%v) = %v, want %v", tt.sources, ids(got), tt.want)
			}
		})
	}
}

func TestItems_Extracted(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	done := feeds.Item{ID: "1", URL: "https://a.example/done", Content: "<p>body</p>", Extracted: true}
	todo := feeds.Item{ID: "2", URL: "https://a.example/todo"}
	if err := s.SaveSourceItems(ctx, "a", []feeds.Item{done, todo}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		url    string
		wantOK bool
	}{
		{done.URL, true},
		{todo.URL, false},
		{"https://a.example/never", false},
	}
	for _, tt := range tests {
		it, ok, err := s.Extracted(ctx, tt.url)
		if err != nil {
			t.Fatal(err)
		}
		if ok != tt.wantOK {
			t.Errorf("Extracted(%s) ok = %v, want %v", tt.url, ok, tt.wantOK)
		}
		if ok && it.Content != done.Content {
			t.Errorf("Extracted(%s).Content = %q, want %q", tt.url, it.Content, done.Content)
		}
	}
}
