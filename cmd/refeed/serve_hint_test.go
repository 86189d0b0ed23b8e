package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/refeed/refeed/fetch"
	"github.com/refeed/refeed/refresh"
	"github.com/refeed/refeed/schedule"
	"github.com/refeed/refeed/store"
)

// TestRetryHint checks how serve turns refresh's errors into advice for
// the scheduler.
func TestRetryHint(t *testing.T) {
	ctx := t.Context()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "refeed.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	now := time.Now()
	if err := st.RecordFailure(ctx, "news", now, errors.New("boom"), now.Add(10*time.Minute)); err != nil {
		t.Fatal(err)
	}
	d := &daemon{st: st}

	backingOff := d.retryHint(ctx, "news", fmt.Errorf("refresh: news: %w", refresh.ErrBackingOff))
	var def *schedule.Deferral
	if !errors.As(backingOff, &def) {
		t.Fatalf("backing off gave %T %v, want a *schedule.Deferral", backingOff, backingOff)
	}
	if def.Wait < 9*time.Minute || def.Wait > 11*time.Minute {
		t.Errorf("deferral waits %v, want about the 10m to the next attempt", def.Wait)
	}
	if !errors.Is(backingOff, refresh.ErrBackingOff) {
		t.Error("the deferral lost its reason")
	}

	httpErr := fmt.Errorf("refresh: %w", &fetch.HTTPError{StatusCode: 503, Status: "503 Service Unavailable", RetryAfter: 2 * time.Hour})
	var ra interface{ RetryAfter() time.Duration }
	if hint := d.retryHint(ctx, "news", httpErr); !errors.As(hint, &ra) || ra.RetryAfter() != 2*time.Hour {
		t.Errorf("503 with Retry-After gave %v, want a 2h retry hint", hint)
	}

	plain := errors.New("fetch: connection refused")
	if hint := d.retryHint(ctx, "news", plain); hint != plain {
		t.Errorf("plain error became %v", hint)
	}
	if hint := d.retryHint(ctx, "news", nil); hint != nil {
		t.Errorf("nil became %v", hint)
	}
}
