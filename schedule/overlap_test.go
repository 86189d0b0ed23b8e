package schedule

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestSlowSourceDelaysNoOne holds one source's poll open while another
// keeps its schedule, then removes and re-adds the slow source while its
// poll is still in flight: the new poll must wait for the old one.
func TestSlowSourceDelaysNoOne(t *testing.T) {
	c := newFakeClock()
	r := newRecorder(c)
	release := make(chan struct{})
	r.block["slow"] = func(_ context.Context, n int) error {
		if n == 0 {
			<-release
		}
		return nil
	}
	s := New(r.poll, Options{Clock: c, Jitter: -1, Logger: quiet()})
	start(t, s, []Source{{"slow", time.Minute}, {"fast", time.Minute}})
	unblock := sync.OnceFunc(func() { close(release) })
	t.Cleanup(unblock) // runs before start's cleanup, so a failure cannot hang the drain
	r.waitPolls(t, "slow", 1)
	c.WaitTimers(t, 1) // fast waits; slow is stuck in its poll
	advanceUntil(t, c, 1, 5*time.Minute)
	assertTimes(t, r, "fast", mins(0, 1, 2, 3, 4, 5))
	assertTimes(t, r, "slow", mins(0))

	ctx := t.Context()
	if err := s.Update(ctx, []Source{{"fast", time.Minute}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Update(ctx, []Source{{"fast", time.Minute}, {"slow", time.Minute}}); err != nil {
		t.Fatal(err)
	}
	advanceUntil(t, c, 1, 7*time.Minute)
	assertTimes(t, r, "slow", mins(0)) // the re-added source waits for the old poll

	unblock()
	c.WaitTimers(t, 2) // the new worker polled once and now waits
	assertTimes(t, r, "slow", mins(0, 7))
	if r.overlap.Load() {
		t.Error("two polls of one source overlapped")
	}
}

func TestMaxConcurrent(t *testing.T) {
	c := newFakeClock()
	r := newRecorder(c)
	var inflight, peak atomic.Int32
	gate := make(chan struct{})
	hold := func(_ context.Context, _ int) error {
		n := inflight.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		<-gate
		inflight.Add(-1)
		return nil
	}
	for _, name := range []string{"a", "b", "c"} {
		r.block[name] = hold
	}
	s := New(r.poll, Options{Clock: c, Jitter: -1, MaxConcurrent: 1, Logger: quiet()})
	start(t, s, []Source{{"a", time.Minute}, {"b", time.Minute}, {"c", time.Minute}})
	for range 3 {
		gate <- struct{}{}
	}
	c.WaitTimers(t, 3)
	if got := peak.Load(); got != 1 {
		t.Errorf("peak concurrent polls = %d, want 1", got)
	}
}

func TestShutdownWaitsForInFlightPoll(t *testing.T) {
	c := newFakeClock()
	r := newRecorder(c)
	release := make(chan struct{})
	pollErr := make(chan error, 1)
	r.block["a"] = func(ctx context.Context, _ int) error {
		<-release
		pollErr <- ctx.Err() // nil: the poll was not cancelled
		return nil
	}
	s := New(r.poll, Options{Clock: c, Grace: time.Minute, Logger: quiet()})
	stop := start(t, s, []Source{{"a", time.Minute}})
	unblock := sync.OnceFunc(func() { close(release) })
	t.Cleanup(unblock)
	r.waitPolls(t, "a", 1)
	errc := make(chan error, 1)
	go func() { errc <- stop() }()
	c.WaitTimers(t, 1) // Run is draining: its grace timer is the only one
	select {
	case err := <-errc:
		t.Fatalf("Run returned %v with a poll in flight", err)
	default:
	}
	unblock()
	if err := <-errc; err != nil {
		t.Errorf("Run = %v, want nil after a clean drain", err)
	}
	if err := <-pollErr; err != nil {
		t.Errorf("in-flight poll saw ctx error %v, want none", err)
	}
	if err := s.Update(t.Context(), nil); !errors.Is(err, ErrStopped) {
		t.Errorf("Update after Run = %v, want ErrStopped", err)
	}
}

func TestShutdownCancelsAfterGrace(t *testing.T) {
	c := newFakeClock()
	r := newRecorder(c)
	r.block["a"] = func(ctx context.Context, _ int) error {
		<-ctx.Done()
		return ctx.Err()
	}
	s := New(r.poll, Options{Clock: c, Grace: time.Minute, Logger: quiet()})
	stop := start(t, s, []Source{{"a", time.Minute}})
	r.waitPolls(t, "a", 1)
	errc := make(chan error, 1)
	go func() { errc <- stop() }()
	c.WaitTimers(t, 1)
	c.Advance(time.Minute)
	if err := <-errc; !errors.Is(err, ErrAborted) {
		t.Errorf("Run = %v, want ErrAborted", err)
	}
}
