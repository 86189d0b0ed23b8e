package main

import (
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/refeed/refeed/config"
	"github.com/refeed/refeed/fetch"
	"github.com/refeed/refeed/refresh"
	"github.com/refeed/refeed/schedule"
	"github.com/refeed/refeed/store"
)

// TestPollWaitsTheRecordedNextAttempt checks that serve keeps one clock
// for a failing source: the scheduler waits until the next attempt that
// refresh recorded in the state (and status and the index show), for a
// plain failure, for a Retry-After (clamped once, to RetryAfterMax) and
// for a source skipped while backing off.
func TestPollWaitsTheRecordedNextAttempt(t *testing.T) {
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/busy.xml" {
			w.Header().Set("Retry-After", "31536000") // a year
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		http.NotFound(w, r)
	}))
	defer site.Close()
	ctx := t.Context()
	dir := t.TempDir()
	cfg := writeConfig(t, dir, `
state: state.db
output: out
host_delay: 0s
retries: 0
interval: 20m
sources:
  - {name: gone, url: "`+site.URL+`/gone.xml"}
  - {name: busy, url: "`+site.URL+`/busy.xml", interval: 10m}
feeds:
  - {name: all, sources: ["*"]}
`)
	c, err := config.ReadConfigFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, filepath.Join(dir, "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	client := fetch.New(refresh.FetchOptions(c), nil)
	defer client.Close()
	d, err := newDaemon(cfg, c, st, client, slog.New(slog.DiscardHandler), serveOptions{grace: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		source string
		want   time.Duration // from the poll to the recorded next attempt
	}{
		{"gone", 20 * time.Minute},      // the first failure waits the interval
		{"busy", refresh.RetryAfterMax}, // Retry-After, clamped once
		{"gone", 20 * time.Minute},      // skipped while backing off: deferred, same time
		{"busy", refresh.RetryAfterMax}, // likewise
	}
	for i, tt := range tests {
		before := time.Now()
		perr := d.poll(ctx, tt.source)
		h, err := st.HealthOf(ctx, tt.source)
		if err != nil {
			t.Fatal(err)
		}
		if h.ConsecutiveFailures != 1 {
			t.Errorf("#%d %s: %d failures recorded, want 1", i, tt.source, h.ConsecutiveFailures)
		}
		if got := h.NextAttempt.Sub(before); got < tt.want-time.Minute || got > tt.want+time.Minute {
			t.Errorf("#%d %s: next attempt in %v, want %v", i, tt.source, got, tt.want)
		}
		var ra interface{ RetryAfter() time.Duration }
		var def *schedule.Deferral
		var wait time.Duration
		switch {
		case errors.As(perr, &def):
			wait = def.Wait
			if i < 2 {
				t.Errorf("#%d %s: a failed poll was deferred: %v", i, tt.source, perr)
			}
		case errors.As(perr, &ra):
			wait = ra.RetryAfter()
		default:
			t.Fatalf("#%d %s: poll returned %v, which tells the scheduler nothing", i, tt.source, perr)
		}
		if due := time.Now().Add(wait); due.Before(h.NextAttempt) || due.After(h.NextAttempt.Add(3*time.Second)) {
			t.Errorf("#%d %s: scheduler waits until %v, the state says %v", i, tt.source, due, h.NextAttempt)
		}
	}
}
