package store_test

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/refeed/refeed/store"
)

var t0 = time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)

func TestArticleFailures(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	const u = "https://a.example/article"
	if a, err := s.ArticleAttempt(ctx, u); err != nil || a != (store.Attempt{}) {
		t.Fatalf("before any failure: %+v, %v; want zero", a, err)
	}
	steps := []struct {
		at   time.Time
		err  string
		want store.Attempt
	}{
		{t0, "fetch: 503", store.Attempt{Attempts: 1, LastTry: t0, LastError: "fetch: 503"}},
		{t0.Add(time.Hour), "extract: no article found", store.Attempt{Attempts: 2, LastTry: t0.Add(time.Hour), LastError: "extract: no article found"}},
	}
	for _, st := range steps {
		if err := s.RecordArticleFailure(ctx, u, st.at, errors.New(st.err)); err != nil {
			t.Fatal(err)
		}
		got, err := s.ArticleAttempt(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		if got != st.want {
			t.Errorf("after failure %q: %+v, want %+v", st.err, got, st.want)
		}
	}
	n, err := s.PruneArticleFailures(ctx, t0)
	if err != nil || n != 0 {
		t.Errorf("PruneArticleFailures(before the last try) = %d, %v; want 0", n, err)
	}
	if err := s.ClearArticleFailure(ctx, u); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.ArticleAttempt(ctx, u); a != (store.Attempt{}) {
		t.Errorf("after Clear: %+v, want zero", a)
	}
	_ = s.RecordArticleFailure(ctx, u, t0, errors.New("x"))
	if n, err := s.PruneArticleFailures(ctx, t0.Add(time.Minute)); err != nil || n != 1 {
		t.Errorf("PruneArticleFailures(after) = %d, %v; want 1", n, err)
	}
}

func TestHealth_Transitions(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	type step struct {
		name string
		do   func() error
		want store.SourceHealth
	}
	fail := errors.New("fetch: https://a.example/rss: 500 Internal Server Error")
	steps := []step{
		{"success", func() error { return s.RecordSuccess(ctx, "a", t0, 20, 20, time.Time{}) },
			store.SourceHealth{Source: "a", LastSuccess: t0, ItemsSeen: 20, ItemsNew: 20}},
		{"failure", func() error { return s.RecordFailure(ctx, "a", t0.Add(time.Hour), fail, t0.Add(2*time.Hour)) },
			store.SourceHealth{Source: "a", ConsecutiveFailures: 1, LastError: fail.Error(), LastErrorAt: t0.Add(time.Hour),
				LastSuccess: t0, NextAttempt: t0.Add(2 * time.Hour), ItemsSeen: 20, ItemsNew: 20}},
		{"second failure", func() error { return s.RecordFailure(ctx, "a", t0.Add(2*time.Hour), fail, t0.Add(4*time.Hour)) },
			store.SourceHealth{Source: "a", ConsecutiveFailures: 2, LastError: fail.Error(), LastErrorAt: t0.Add(2 * time.Hour),
				LastSuccess: t0, NextAttempt: t0.Add(4 * time.Hour), ItemsSeen: 20, ItemsNew: 20}},
		{"recovery", func() error { return s.RecordSuccess(ctx, "a", t0.Add(5*time.Hour), 21, 1, time.Time{}) },
			store.SourceHealth{Source: "a", LastError: fail.Error(), LastErrorAt: t0.Add(2 * time.Hour),
				LastSuccess: t0.Add(5 * time.Hour), ItemsSeen: 21, ItemsNew: 1}},
		{"success, fresh for an hour", func() error { return s.RecordSuccess(ctx, "a", t0.Add(6*time.Hour), 21, 0, t0.Add(7*time.Hour)) },
			store.SourceHealth{Source: "a", LastError: fail.Error(), LastErrorAt: t0.Add(2 * time.Hour),
				LastSuccess: t0.Add(6 * time.Hour), NextAttempt: t0.Add(7 * time.Hour), ItemsSeen: 21}},
	}
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		got, err := s.HealthOf(ctx, "a")
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, st.want) {
			t.Errorf("after %s:\n got %+v\nwant %+v", st.name, got, st.want)
		}
	}
}

func TestHealth_ListAndForget(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	if h, err := s.HealthOf(ctx, "never"); err != nil || h != (store.SourceHealth{Source: "never"}) {
		t.Errorf("HealthOf(never) = %+v, %v", h, err)
	}
	_ = s.RecordFailure(ctx, "b", t0, errors.New("x"), time.Time{})
	_ = s.RecordSuccess(ctx, "a", t0, 1, 1, time.Time{})
	seed(t, s, []string{"b"}, 3)
	all, err := s.Health(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, h := range all {
		names = append(names, h.Source)
	}
	if !reflect.DeepEqual(names, []string{"a", "b"}) {
		t.Errorf("Health sources = %v, want [a b]", names)
	}
	n, err := s.ForgetSource(ctx, "b")
	if err != nil || n != 3 {
		t.Errorf("ForgetSource = %d, %v; want 3 items deleted", n, err)
	}
	all, _ = s.Health(ctx)
	if len(all) != 1 || all[0].Source != "a" {
		t.Errorf("after ForgetSource: %+v, want only a", all)
	}
}

func TestFeedState(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	if st, err := s.FeedState(ctx, "iraq"); err != nil || st != (store.FeedState{}) {
		t.Fatalf("unsaved: %+v, %v; want zero", st, err)
	}
	for _, want := range []store.FeedState{
		{Hash: "h1", Built: t0, Items: 100},
		{Hash: "h2", Built: t0.Add(time.Hour), Items: 99},
	} {
		if err := s.SaveFeedState(ctx, "iraq", want); err != nil {
			t.Fatal(err)
		}
		got, err := s.FeedState(ctx, "iraq")
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("FeedState = %+v, want %+v", got, want)
		}
	}
}
