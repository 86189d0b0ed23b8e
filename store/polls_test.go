package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/refeed/refeed/feeds"
	"github.com/refeed/refeed/store"
)

func TestPollHistory_KeepsTheLatest(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	for i := range store.PollHistoryLen + 5 {
		p := store.Poll{At: t0.Add(time.Duration(i) * time.Minute), New: i, Failed: i%3 == 0}
		if err := s.RecordPoll(ctx, "a", p); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.RecordPoll(ctx, "b", store.Poll{At: t0, Failed: true}); err != nil {
		t.Fatal(err)
	}
	h, err := s.PollHistory(ctx)
	if err != nil {
		t.Fatal(err)
	}
	a := h["a"]
	if len(a) != store.PollHistoryLen {
		t.Fatalf("a has %d polls, want %d", len(a), store.PollHistoryLen)
	}
	if first, last := a[0], a[len(a)-1]; first.New != 5 || last.New != store.PollHistoryLen+4 || !last.At.Equal(t0.Add(34*time.Minute)) {
		t.Errorf("a runs %+v … %+v, want polls 5 to 34 oldest first", first, last)
	}
	if len(h["b"]) != 1 || !h["b"][0].Failed {
		t.Errorf("b = %+v, want its one failed poll", h["b"])
	}
	if _, err := s.ForgetSource(ctx, "a"); err != nil {
		t.Fatal(err)
	}
	if h, _ = s.PollHistory(ctx); len(h["a"]) != 0 {
		t.Errorf("after ForgetSource, a keeps %d polls", len(h["a"]))
	}
}

func TestItemCounts(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	items := []feeds.Item{{ID: "1", URL: "https://a.example/1"}, {ID: "2", URL: "https://a.example/2"}}
	if err := s.SaveSourceItems(ctx, "a", items); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveSourceItems(ctx, "b", items[:1]); err != nil {
		t.Fatal(err)
	}
	got, err := s.ItemCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got["a"] != 2 || got["b"] != 1 || len(got) != 2 {
		t.Errorf("ItemCounts = %v, want a:2 b:1", got)
	}
}
