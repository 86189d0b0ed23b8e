package schedule

import (
	"sync"
	"testing"
	"time"
)

// fakeClock is a Clock that moves only when the test advances it.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	timers map[*fakeTimer]struct{}
}

type fakeTimer struct {
	c    *fakeClock
	when time.Time
	ch   chan time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), timers: make(map[*fakeTimer]struct{})}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) NewTimer(d time.Duration) Timer {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := &fakeTimer{c: c, when: c.now.Add(d), ch: make(chan time.Time, 1)}
	if d <= 0 {
		t.ch <- c.now
		return t
	}
	c.timers[t] = struct{}{}
	return t
}

func (t *fakeTimer) C() <-chan time.Time { return t.ch }

func (t *fakeTimer) Stop() bool {
	t.c.mu.Lock()
	defer t.c.mu.Unlock()
	_, ok := t.c.timers[t]
	delete(t.c.timers, t)
	return ok
}

// Advance moves the clock by d and fires the timers that are due.
func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	for t := range c.timers {
		if !t.when.After(c.now) {
			t.ch <- c.now
			delete(c.timers, t)
		}
	}
}

// AdvanceNext moves the clock to the earliest pending timer and fires it.
func (c *fakeClock) AdvanceNext(tb testing.TB) {
	tb.Helper()
	c.mu.Lock()
	var next time.Time
	for t := range c.timers {
		if next.IsZero() || t.when.Before(next) {
			next = t.when
		}
	}
	d := next.Sub(c.now)
	c.mu.Unlock()
	if next.IsZero() {
		tb.Fatal("fake clock: no pending timer")
	}
	c.Advance(d)
}

// WaitTimers blocks until exactly n timers are pending: every worker that
// is not polling sits on one timer, so this is how a test knows the
// scheduler has settled after a step.
func (c *fakeClock) WaitTimers(tb testing.TB, n int) {
	tb.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		c.mu.Lock()
		got := len(c.timers)
		c.mu.Unlock()
		if got == n {
			return
		}
		if time.Now().After(deadline) {
			tb.Fatalf("fake clock: %d timers pending, want %d", got, n)
		}
		time.Sleep(time.Millisecond)
	}
}

// WaitDue blocks until a timer due at d after the start is pending.
func (c *fakeClock) WaitDue(tb testing.TB, d time.Duration) {
	tb.Helper()
	deadline := time.Now().Add(10 * time.Second)
	when := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(d)
	for {
		c.mu.Lock()
		found := false
		for t := range c.timers {
			found = found || t.when.Equal(when)
		}
		c.mu.Unlock()
		if found {
			return
		}
		if time.Now().After(deadline) {
			tb.Fatalf("fake clock: no timer due at +%v", d)
		}
		time.Sleep(time.Millisecond)
	}
}

// Since reports how far the clock has moved from its start.
func (c *fakeClock) Since() time.Duration {
	return c.Now().Sub(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
}
