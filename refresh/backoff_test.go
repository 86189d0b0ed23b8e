package refresh_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/refeed/refeed/fetch"
	"github.com/refeed/refeed/refresh"
	"github.com/refeed/refeed/store"
)

func TestNextAttempt(t *testing.T) {
	at := time.Date(2026, 2, 1, 12, 0, 0, 0, time.UTC)
	const m = time.Minute
	busy := func(d time.Duration) error {
		return fmt.Errorf("refresh: %w", &fetch.HTTPError{StatusCode: 503, RetryAfter: d})
	}
	tests := []struct {
		interval time.Duration
		failures int
		err      error
		want     time.Duration
	}{
		{30 * m, 1, errors.New("x"), 30 * m}, // never more often than a healthy source
		{30 * m, 2, errors.New("x"), time.Hour},
		{30 * m, 4, errors.New("x"), 4 * time.Hour},
		{30 * m, 5, errors.New("x"), refresh.MaxBackoff},
		{30 * m, 1000, errors.New("x"), refresh.MaxBackoff},
		{12 * time.Hour, 3, errors.New("x"), 12 * time.Hour}, // a long interval is its own cap
		{30 * m, 1, busy(2 * time.Hour), 2 * time.Hour},      // a longer Retry-After wins
		{30 * m, 3, busy(time.Minute), 2 * time.Hour},        // a shorter one does not
		{30 * m, 1, busy(365 * 24 * time.Hour), refresh.RetryAfterMax},
		{30 * m, 0, errors.New("x"), 30 * m},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%v×%d %v", tt.interval, tt.failures, tt.err), func(t *testing.T) {
			if got := refresh.NextAttempt(at, tt.interval, tt.failures, tt.err).Sub(at); got != tt.want {
				t.Errorf("NextAttempt in %v, want %v", got, tt.want)
			}
		})
	}
}

func TestNextPoll(t *testing.T) {
	at := time.Date(2026, 2, 1, 12, 0, 0, 0, time.UTC)
	const iv = 30 * time.Minute
	tests := []struct {
		name string
		h    store.SourceHealth
		want time.Time
	}{
		{"never polled", store.SourceHealth{}, time.Time{}},
		{"healthy", store.SourceHealth{LastSuccess: at}, at.Add(iv)},
		{"fresh longer", store.SourceHealth{LastSuccess: at, NextAttempt: at.Add(time.Hour)}, at.Add(time.Hour)},
		{"failing", store.SourceHealth{LastSuccess: at, ConsecutiveFailures: 2, NextAttempt: at.Add(5 * time.Minute)}, at.Add(5 * time.Minute)},
	}
	for _, tt := range tests {
		if got := refresh.NextPoll(tt.h, iv); !got.Equal(tt.want) {
			t.Errorf("%s: NextPoll = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestFailingSourceBacksOffFromItsInterval: run skips a failing source
// until interval×2^(n−1) after its n-th failure, and keeps the polls in
// the source's history.
func TestFailingSourceBacksOffFromItsInterval(t *testing.T) {
	hits := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits++
		http.Error(w, "down", http.StatusInternalServerError)
	}))
	t.Cleanup(srv.Close)
	f := newFixtureWith(t, fmt.Sprintf(`{name: src, url: "%s/feed", interval: 20m}`, srv.URL), 10)
	start := f.now
	for _, step := range []struct {
		after    time.Duration // since start
		wantHits int
	}{
		{0, 1},
		{10 * time.Minute, 1}, // backing off: 20m after the first failure
		{20 * time.Minute, 2},
		{50 * time.Minute, 2}, // 40m after the second
		{60 * time.Minute, 3},
	} {
		f.now = start.Add(step.after)
		f.run(t)
		if hits != step.wantHits {
			t.Fatalf("at +%v: %d polls, want %d", step.after, hits, step.wantHits)
		}
	}
	st := mustOpen(t, f.cfg.State)
	hist, err := st.PollHistory(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got := hist["src"]; len(got) != 3 || !got[2].Failed || !got[2].At.Equal(start.Add(time.Hour)) {
		t.Errorf("history %+v, want the 3 failed polls", got)
	}
}
