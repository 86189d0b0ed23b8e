package schedule

import (
	"context"
	"errors"
	"sync"
	"time"
)

// pool is Run's bookkeeping of the per-source goroutines. Only Run's
// goroutine touches the maps.
type pool struct {
	wg      sync.WaitGroup
	workers map[string]*worker
	// stopping holds the done channels of removed workers whose last poll
	// may still be running, so a source re-added at once waits for it.
	stopping map[string]chan struct{}
}

// worker is the goroutine that polls one source.
type worker struct {
	name     string
	interval chan time.Duration // latest interval update, buffered 1
	cancel   context.CancelFunc
	done     chan struct{}
}

// setInterval hands the worker a new interval, replacing one it has not
// picked up yet. Only Run's goroutine sends, so this never blocks.
func (w *worker) setInterval(d time.Duration) {
	select {
	case <-w.interval:
	default:
	}
	w.interval <- d
}

// apply starts, retunes and stops workers so they match sources.
func (s *Scheduler) apply(ctx, pollCtx context.Context, p *pool, sources []Source) {
	want := make(map[string]time.Duration, len(sources))
	for _, src := range sources {
		d := src.Interval
		if d <= 0 {
			d = DefaultInterval
		}
		want[src.Name] = d
	}
	for name, w := range p.workers {
		if _, ok := want[name]; !ok {
			w.cancel()
			delete(p.workers, name)
			p.stopping[name] = w.done
		}
	}
	for name, done := range p.stopping {
		if isClosed(done) {
			delete(p.stopping, name)
		}
	}
	for name, d := range want {
		if w, ok := p.workers[name]; ok {
			w.setInterval(d)
			continue
		}
		wctx, cancel := context.WithCancel(ctx)
		w := &worker{name: name, interval: make(chan time.Duration, 1), cancel: cancel, done: make(chan struct{})}
		p.workers[name] = w
		prev := p.stopping[name]
		delete(p.stopping, name)
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			defer close(w.done)
			defer cancel()
			s.work(wctx, pollCtx, w, d, prev)
		}()
	}
}

// work polls one source until ctx is done. prev, if not nil, is the done
// channel of an earlier worker for the same source; work starts after it.
func (s *Scheduler) work(ctx, pollCtx context.Context, w *worker, interval time.Duration, prev <-chan struct{}) {
	if prev != nil {
		select {
		case <-prev:
		case <-ctx.Done():
			return
		}
	}
	log := s.logger.With("source", w.name)
	failures := 0
	for {
		if !s.acquire(ctx) {
			return
		}
		start := s.clock.Now()
		err := s.pollOnce(pollCtx, w.name)
		s.release()
		if ctx.Err() != nil { // removed or shutting down: plan nothing more
			return
		}
		end := s.clock.Now()
		failures = countFailures(failures, err)
		r := s.random()
		delay := func(iv time.Duration) time.Duration {
			return nextDelay(iv, err, s.jitter, r)
		}
		logPoll(log, err, failures, end.Sub(start), delay(interval))
		var ok bool
		interval, ok = s.wait(ctx, w, end, interval, delay)
		if !ok {
			return
		}
	}
}

// wait sleeps until the next poll is due: delay(interval) after last.
// A new interval arriving meanwhile re-plans from last. It returns the
// interval in force and false if ctx ended first.
func (s *Scheduler) wait(ctx context.Context, w *worker, last time.Time, interval time.Duration,
	delay func(time.Duration) time.Duration) (time.Duration, bool) {
	for {
		due := last.Add(delay(interval))
		t := s.clock.NewTimer(max(due.Sub(s.clock.Now()), 0))
		select {
		case <-ctx.Done():
			t.Stop()
			return interval, false
		case <-t.C():
			return interval, true
		case interval = <-w.interval:
			t.Stop()
		}
	}
}

func isClosed(c chan struct{}) bool {
	select {
	case <-c:
		return true
	default:
		return false
	}
}

// countFailures updates the run of consecutive failures after a poll that
// returned err. A deferral is no failure, and no success either.
func countFailures(failures int, err error) int {
	var def *Deferral
	switch {
	case err == nil:
		return 0
	case errors.As(err, &def):
		return failures
	default:
		return failures + 1
	}
}
