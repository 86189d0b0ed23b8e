// Package schedule polls sources, each on its own interval, for the
// long-running "refeed serve".
//
// Every source gets its own goroutine, so a slow site never delays the
// others and two polls of one source never overlap. The first poll of each
// source happens at once; after that a source waits its interval, spread by
// jitter, or as long as its last poll asked (see PollFunc). The scheduler
// knows nothing of feeds, HTTP or backoff policy: it calls a PollFunc with
// a source's name.
package schedule

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"runtime/debug"
	"sync"
	"time"
)

// Defaults for the zero Options.
const (
	DefaultInterval = 30 * time.Minute
	DefaultJitter   = 0.1
	DefaultGrace    = 30 * time.Second
)

var (
	// ErrAborted is returned by Run when in-flight polls had not finished
	// within the grace period and were cancelled.
	ErrAborted = errors.New("schedule: in-flight polls cancelled after the grace period")
	// ErrStopped is returned by Update once Run has returned.
	ErrStopped = errors.New("schedule: scheduler stopped")
)

// Source is one thing to poll.
type Source struct {
	Name string
	// Interval is the time between the end of one poll and the start of
	// the next; zero or negative means DefaultInterval.
	Interval time.Duration
}

// PollFunc polls one source. A returned error counts as a failure; if it
// implements RetryAfter() time.Duration (the caller's backoff, say) the
// source waits that long instead of its interval, and a *Deferral waits
// its Wait without counting a failure. The context is cancelled only when the
// scheduler gives up on in-flight work at shutdown.
type PollFunc func(ctx context.Context, source string) error

// Options tune a Scheduler; the zero value is usable.
type Options struct {
	// Clock defaults to SystemClock.
	Clock Clock
	// Jitter is the fraction of a delay by which it is randomly moved
	// either way; 0 means DefaultJitter and a negative value none.
	Jitter float64
	// MaxConcurrent bounds how many polls run at once; 0 is no bound.
	MaxConcurrent int
	// Grace is how long Run waits for in-flight polls once its context is
	// done before cancelling them; 0 means DefaultGrace.
	Grace time.Duration
	// Rand returns a number in [0, 1) for jitter; it defaults to
	// math/rand/v2.Float64. The scheduler serializes calls to it.
	Rand func() float64
	// Logger receives the log; nil discards it, as everywhere in refeed.
	Logger *slog.Logger
}

// Scheduler polls sources until its Run's context is done. It is safe for
// concurrent use; Run must be called once.
type Scheduler struct {
	poll   PollFunc
	clock  Clock
	jitter float64
	grace  time.Duration
	sem    chan struct{} // nil when unbounded
	logger *slog.Logger

	randMu sync.Mutex
	rand   func() float64

	updates chan []Source
	done    chan struct{} // closed when Run returns
}

// New returns a Scheduler that calls poll for each source.
func New(poll PollFunc, opts Options) *Scheduler {
	s := &Scheduler{
		poll:    poll,
		clock:   opts.Clock,
		jitter:  opts.Jitter,
		grace:   opts.Grace,
		logger:  opts.Logger,
		rand:    opts.Rand,
		updates: make(chan []Source),
		done:    make(chan struct{}),
	}
	if s.clock == nil {
		s.clock = SystemClock()
	}
	if s.jitter == 0 {
		s.jitter = DefaultJitter
	}
	if s.grace <= 0 {
		s.grace = DefaultGrace
	}
	if opts.MaxConcurrent > 0 {
		s.sem = make(chan struct{}, opts.MaxConcurrent)
	}
	if s.logger == nil {
		s.logger = slog.New(slog.DiscardHandler)
	}
	if s.rand == nil {
		s.rand = rand.Float64
	}
	return s
}

// Run polls sources until ctx is done: each at once, then on its interval.
// Once ctx is done no new poll starts; Run waits up to the grace period for
// polls in flight, then cancels them, waits for them to return and reports
// ErrAborted. It returns nil after a clean drain.
func (s *Scheduler) Run(ctx context.Context, sources []Source) error {
	defer close(s.done)
	// Polls outlive ctx so they can finish during the grace period.
	pollCtx, abort := context.WithCancel(context.WithoutCancel(ctx))
	defer abort()
	p := &pool{workers: make(map[string]*worker), stopping: make(map[string]chan struct{})}
	s.apply(ctx, pollCtx, p, sources)
	for {
		select {
		case srcs := <-s.updates:
			s.apply(ctx, pollCtx, p, srcs)
		case <-ctx.Done():
			return s.drain(&p.wg, abort)
		}
	}
}

// Update replaces the set of sources: new ones are polled at once, removed
// ones stop after any poll in flight, and changed intervals apply from the
// source's next wait. It returns ErrStopped once Run has returned.
func (s *Scheduler) Update(ctx context.Context, sources []Source) error {
	select {
	case s.updates <- sources:
		return nil
	case <-s.done:
		return ErrStopped
	case <-ctx.Done():
		return ctx.Err()
	}
}

// drain waits for the workers, cancelling their polls after the grace period.
func (s *Scheduler) drain(wg *sync.WaitGroup, abort context.CancelFunc) error {
	idle := make(chan struct{})
	go func() {
		wg.Wait()
		close(idle)
	}()
	t := s.clock.NewTimer(s.grace)
	defer t.Stop()
	select {
	case <-idle:
		return nil
	case <-t.C():
		s.logger.Warn("cancelling polls still in flight", "grace", s.grace)
		abort()
		<-idle
		return ErrAborted
	}
}

// pollOnce runs one poll, bounded by the concurrency limit, turning a panic
// into an error so one bad page cannot take the daemon down.
func (s *Scheduler) pollOnce(ctx context.Context, name string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			s.logger.Error("poll panicked", "source", name, "panic", r, "stack", string(debug.Stack()))
			err = fmt.Errorf("schedule: poll of %s panicked: %v", name, r)
		}
	}()
	return s.poll(ctx, name)
}

// acquire takes a concurrency slot, or reports false if ctx ends first.
func (s *Scheduler) acquire(ctx context.Context) bool {
	if s.sem == nil {
		return ctx.Err() == nil
	}
	select {
	case s.sem <- struct{}{}:
		return true
	case <-ctx.Done():
		return false
	}
}

func (s *Scheduler) release() {
	if s.sem != nil {
		<-s.sem
	}
}

func (s *Scheduler) random() float64 {
	s.randMu.Lock()
	defer s.randMu.Unlock()
	return s.rand()
}
