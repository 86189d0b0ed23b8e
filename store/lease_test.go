package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/refeed/refeed/store"
)

func TestLeases(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	t0 := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	claim := func(source, host, holder string, gap time.Duration, at time.Time) error {
		return s.ClaimLease(ctx, store.Claim{Source: source, Host: host, Holder: holder, For: time.Minute, Gap: gap}, at)
	}
	refusal := func(t *testing.T, err error) *store.Refusal {
		t.Helper()
		var r *store.Refusal
		if !errors.As(err, &r) {
			t.Fatalf("claim error = %v, want a *Refusal", err)
		}
		return r
	}
	if err := claim("s1", "h", "A", 0, t0); err != nil {
		t.Fatalf("A claims s1: %v", err)
	}
	if err := claim("s1", "h", "A", 0, t0); err == nil {
		t.Error("A claimed s1 twice")
	}
	if r := refusal(t, claim("s1", "h", "B", 0, t0)); r.Holder != "A" || !r.Until.Equal(t0.Add(time.Minute)) {
		t.Errorf("B claims s1: %+v, want held by A until t0+1m", r)
	}
	if r := refusal(t, claim("s2", "h", "B", 0, t0)); r.Holder != "A" || !r.HostBusy {
		t.Errorf("B claims s2 of A's host: %+v, want host busy with A", r)
	}
	if err := claim("s2", "h", "A", 0, t0); err != nil {
		t.Errorf("A claims a second source of its host: %v", err)
	}
	if err := claim("s3", "other", "B", 0, t0); err != nil {
		t.Errorf("B claims a source of another host: %v", err)
	}
	// Releasing s1 keeps the host while A still polls s2.
	end := t0.Add(10 * time.Second)
	if err := s.ReleaseLease(ctx, "s1", "A", end, end); err != nil {
		t.Fatal(err)
	}
	if r := refusal(t, claim("s1", "h", "B", 0, end)); !r.HostBusy {
		t.Errorf("B claims s1 while A polls s2: %+v, want host busy", r)
	}
	if err := s.ReleaseLease(ctx, "s2", "A", end, end); err != nil {
		t.Fatal(err)
	}
	// Polled at end: with a gap of an hour nobody may poll it again yet.
	if r := refusal(t, claim("s1", "h", "B", time.Hour, end)); r.Holder != "" || !r.Until.Equal(end.Add(time.Hour)) {
		t.Errorf("B claims s1 just polled: %+v, want due at end+1h", r)
	}
	if err := claim("s1", "h", "B", time.Hour, end.Add(time.Hour)); err != nil {
		t.Errorf("B claims s1 an hour later: %v", err)
	}
	// A lease not renewed expires and another worker takes over.
	if err := claim("s4", "h4", "A", 0, t0); err != nil {
		t.Fatal(err)
	}
	if ok, err := s.RenewLease(ctx, "s4", "A", t0.Add(30*time.Second), time.Minute); err != nil || !ok {
		t.Errorf("A renews s4 in time = %v, %v; want true", ok, err)
	}
	if r := refusal(t, claim("s4", "h4", "B", 0, t0.Add(80*time.Second))); r.Holder != "A" || !r.Until.Equal(t0.Add(90*time.Second)) {
		t.Errorf("B claims s4 within the renewed lease: %+v", r)
	}
	late := t0.Add(3 * time.Minute)
	if err := claim("s4", "h4", "B", 0, late); err != nil {
		t.Errorf("B claims s4 after A's lease expired: %v", err)
	}
	if ok, err := s.RenewLease(ctx, "s4", "A", late, time.Minute); err != nil || ok {
		t.Errorf("A renews s4 taken over = %v, %v; want false", ok, err)
	}
	if err := s.ReleaseLease(ctx, "s4", "A", late, late); err != nil {
		t.Fatal(err)
	}
	leases, err := s.Leases(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, l := range leases {
		got[l.Source] = fmt.Sprintf("%s held=%v", l.Holder, l.Held(late))
	}
	want := map[string]string{"s1": "B held=true", "s2": "A held=false", "s3": "B held=false", "s4": "B held=true"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Leases at t0+3m = %v, want %v", got, want)
	}
	if _, err := s.ForgetSource(ctx, "s2"); err != nil {
		t.Fatal(err)
	}
	if leases, err := s.Leases(ctx); err != nil || len(leases) != 3 {
		t.Errorf("after ForgetSource(s2): %d leases, %v; want 3", len(leases), err)
	}
}

// TestLeases_OneWinner has several workers, each with its own connection
// pool as separate processes would, claim the same sources at once: each
// source goes to exactly one of them.
func TestLeases_OneWinner(t *testing.T) {
	ctx := context.Background()
	dsn := openDSN(t)
	const workers, sources = 4, 20
	stores := make([]*store.Store, workers)
	for i := range stores {
		s, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		stores[i] = s
	}
	now := time.Now()
	var wins [sources]atomic.Int32
	var wg sync.WaitGroup
	for w, s := range stores {
		wg.Go(func() {
			for i := range sources {
				c := store.Claim{Source: fmt.Sprint("s", i), Host: fmt.Sprint("h", i), Holder: fmt.Sprint("w", w), For: time.Minute}
				err := s.ClaimLease(ctx, c, now)
				var r *store.Refusal
				switch {
				case err == nil:
					wins[i].Add(1)
				case !errors.As(err, &r):
					t.Errorf("worker %d claims s%d: %v", w, i, err)
				}
			}
		})
	}
	wg.Wait()
	for i := range wins {
		if n := wins[i].Load(); n != 1 {
			t.Errorf("s%d claimed by %d workers, want 1", i, n)
		}
	}
}
