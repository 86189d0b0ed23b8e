package schedule

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// recorder is a PollFunc that logs when (on the fake clock) each source
// was polled, fails the sources in fail, and tracks overlap.
type recorder struct {
	clock *fakeClock
	mu    sync.Mutex
	polls map[string][]time.Duration
	fail  map[string]error
	// block, if set for a source, is called inside its poll.
	block    map[string]func(ctx context.Context, n int) error
	inflight map[string]*atomic.Int32
	overlap  atomic.Bool
}

func newRecorder(c *fakeClock) *recorder {
	return &recorder{clock: c, polls: map[string][]time.Duration{}, fail: map[string]error{},
		block: map[string]func(context.Context, int) error{}, inflight: map[string]*atomic.Int32{}}
}

func (r *recorder) poll(ctx context.Context, name string) error {
	r.mu.Lock()
	n := len(r.polls[name])
	r.polls[name] = append(r.polls[name], r.clock.Since())
	err, block := r.fail[name], r.block[name]
	if r.inflight[name] == nil {
		r.inflight[name] = new(atomic.Int32)
	}
	in := r.inflight[name]
	r.mu.Unlock()
	if in.Add(1) > 1 {
		r.overlap.Store(true)
	}
	defer in.Add(-1)
	if block != nil {
		if berr := block(ctx, n); berr != nil {
			return berr
		}
	}
	return err
}

func (r *recorder) times(name string) []time.Duration {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.polls[name])
}

// waitPolls blocks until source has been polled n times.
func (r *recorder) waitPolls(tb testing.TB, name string, n int) {
	tb.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for len(r.times(name)) < n {
		if time.Now().After(deadline) {
			tb.Fatalf("%s polled %d times, want %d", name, len(r.times(name)), n)
		}
		time.Sleep(time.Millisecond)
	}
}

func (r *recorder) setFail(name string, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.fail[name] = err
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// start runs a scheduler over sources and returns a stop func that cancels
// it and returns Run's error.
func start(t *testing.T, s *Scheduler, sources []Source) (stop func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	errc := make(chan error, 1)
	go func() { errc <- s.Run(ctx, sources) }()
	var once sync.Once
	var err error
	stop = func() error {
		once.Do(func() { cancel(); err = <-errc })
		return err
	}
	t.Cleanup(func() { stop() })
	return stop
}

func mins(ms ...int) []time.Duration {
	out := make([]time.Duration, len(ms))
	for i, m := range ms {
		out[i] = time.Duration(m) * time.Minute
	}
	return out
}

func assertTimes(t *testing.T, r *recorder, name string, want []time.Duration) {
	t.Helper()
	if got := r.times(name); !slices.Equal(got, want) {
		t.Errorf("%s polled at %v, want %v", name, got, want)
	}
}

// advanceUntil steps the fake clock timer by timer until it reaches limit,
// letting the n workers settle after each step.
func advanceUntil(t *testing.T, c *fakeClock, n int, limit time.Duration) {
	t.Helper()
	for c.Since() < limit {
		c.AdvanceNext(t)
		c.WaitTimers(t, n)
	}
}

func TestFirstPassAndIntervals(t *testing.T) {
	c := newFakeClock()
	r := newRecorder(c)
	s := New(r.poll, Options{Clock: c, Jitter: -1, Logger: quiet()})
	start(t, s, []Source{{"a", 10 * time.Minute}, {"b", 25 * time.Minute}})
	c.WaitTimers(t, 2)
	advanceUntil(t, c, 2, 60*time.Minute)
	assertTimes(t, r, "a", mins(0, 10, 20, 30, 40, 50, 60))
	assertTimes(t, r, "b", mins(0, 25, 50))
}

func TestDefaultIntervalForZero(t *testing.T) {
	c := newFakeClock()
	r := newRecorder(c)
	s := New(r.poll, Options{Clock: c, Jitter: -1, Logger: quiet()})
	start(t, s, []Source{{"a", 0}})
	c.WaitTimers(t, 1)
	c.AdvanceNext(t)
	c.WaitTimers(t, 1)
	assertTimes(t, r, "a", []time.Duration{0, DefaultInterval})
}

func TestJitterBoundsInRun(t *testing.T) {
	for _, tt := range []struct {
		name string
		r    float64
		want time.Duration
	}{
		{"lowest", 0, 8 * time.Minute},
		{"middle", 0.5, 10 * time.Minute},
		{"highest", 0.75, 11 * time.Minute},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := newFakeClock()
			r := newRecorder(c)
			s := New(r.poll, Options{Clock: c, Jitter: 0.2, Rand: func() float64 { return tt.r }, Logger: quiet()})
			start(t, s, []Source{{"a", 10 * time.Minute}})
			c.WaitTimers(t, 1)
			c.AdvanceNext(t)
			c.WaitTimers(t, 1)
			assertTimes(t, r, "a", []time.Duration{0, tt.want})
		})
	}
}

type retryErr time.Duration

func (e retryErr) Error() string             { return "slow down" }
func (e retryErr) RetryAfter() time.Duration { return time.Duration(e) }

// TestFailuresWaitWhatTheyAsk checks that the scheduler has no backoff of
// its own: a failed poll waits its interval, or what its error asks.
func TestFailuresWaitWhatTheyAsk(t *testing.T) {
	c := newFakeClock()
	r := newRecorder(c)
	r.setFail("bad", errors.New("boom"))
	s := New(r.poll, Options{Clock: c, Jitter: -1, Logger: quiet()})
	start(t, s, []Source{{"bad", 10 * time.Minute}, {"good", 30 * time.Minute}})
	c.WaitTimers(t, 2)
	advanceUntil(t, c, 2, 30*time.Minute)
	assertTimes(t, r, "bad", mins(0, 10, 20, 30))
	assertTimes(t, r, "good", mins(0, 30))

	r.setFail("bad", retryErr(45*time.Minute)) // the caller's backoff
	advanceUntil(t, c, 2, 120*time.Minute)
	assertTimes(t, r, "bad", mins(0, 10, 20, 30, 40, 85))

	r.setFail("bad", nil) // success: back to the interval
	advanceUntil(t, c, 2, 150*time.Minute)
	assertTimes(t, r, "bad", mins(0, 10, 20, 30, 40, 85, 130, 140, 150))
	if r.overlap.Load() {
		t.Error("two polls of one source overlapped")
	}
}

func TestPanicCountsAsFailure(t *testing.T) {
	c := newFakeClock()
	r := newRecorder(c)
	r.block["a"] = func(_ context.Context, n int) error {
		if n == 0 {
			panic("bad page")
		}
		return nil
	}
	s := New(r.poll, Options{Clock: c, Jitter: -1, Logger: quiet()})
	start(t, s, []Source{{"a", 10 * time.Minute}})
	c.WaitTimers(t, 1)
	advanceUntil(t, c, 1, 30*time.Minute)
	assertTimes(t, r, "a", mins(0, 10, 20, 30))
}

func TestIntervalChangeReplansFromLastPoll(t *testing.T) {
	c := newFakeClock()
	r := newRecorder(c)
	s := New(r.poll, Options{Clock: c, Jitter: -1, Logger: quiet()})
	start(t, s, []Source{{"a", 10 * time.Minute}})
	c.WaitTimers(t, 1)
	c.Advance(5 * time.Minute)
	if err := s.Update(t.Context(), []Source{{"a", 30 * time.Minute}}); err != nil {
		t.Fatal(err)
	}
	c.WaitDue(t, 30*time.Minute)
	advanceUntil(t, c, 1, 60*time.Minute)
	assertTimes(t, r, "a", mins(0, 30, 60))
}

func TestDeferralWaitsWithoutBackoff(t *testing.T) {
	c := newFakeClock()
	r := newRecorder(c)
	r.block["a"] = func(_ context.Context, n int) error {
		if n < 2 {
			return &Deferral{Wait: 7 * time.Minute, Err: errors.New("backing off")}
		}
		return nil
	}
	s := New(r.poll, Options{Clock: c, Jitter: -1, Logger: quiet()})
	start(t, s, []Source{{"a", 10 * time.Minute}})
	c.WaitTimers(t, 1)
	advanceUntil(t, c, 1, 24*time.Minute)
	assertTimes(t, r, "a", mins(0, 7, 14, 24))
}
