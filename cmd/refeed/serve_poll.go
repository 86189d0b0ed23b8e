package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/refeed/refeed/fetch"
	"github.com/refeed/refeed/refresh"
	"github.com/refeed/refeed/schedule"
	"github.com/refeed/refeed/store"
)

// poll refreshes one source for the scheduler and asks for a feed rebuild
// when it brought anything new. A source whose server said its feed is
// still fresh is deferred until it is not. In a shared state the poll
// runs under the source's lease, and is deferred while another worker
// holds it or polled it less than about an interval ago.
func (d *daemon) poll(ctx context.Context, name string) error {
	ctx, cancel := d.abortable(ctx)
	defer cancel()
	if d.worker != nil {
		cfg := d.cfg.Load()
		src := cfg.Source(name)
		if src == nil {
			return fmt.Errorf("serve: no source named %q", name)
		}
		// The scheduler spreads intervals by up to a tenth either way.
		gap := d.interval(cfg, src) * 9 / 10
		leased, done, err := d.worker.hold(ctx, name, refresh.SourceHost(src.URL), gap)
		if err != nil {
			return err
		}
		defer func() { done(leased.Err() == nil) }()
		ctx = leased
	}
	res, err := d.runner.Load().RefreshSource(ctx, name)
	if res.New > 0 || res.Extracted > 0 {
		d.markDirty()
	}
	if res.NotDue {
		return deferUntil(res.NextPoll, errFresh)
	}
	return d.retryHint(ctx, name, err)
}

// deferUntil asks the scheduler not to poll before t, for the reason why.
// It waits a second more, so that the source is surely due by then.
func deferUntil(t time.Time, why error) *schedule.Deferral {
	return &schedule.Deferral{Wait: time.Until(t) + time.Second, Err: why}
}

// errFresh is why a deferred poll waits for the server's freshness.
var errFresh = errors.New("the server said the feed stays fresh")

// retryHint tells the scheduler how long a source wants to be left alone.
// A source refresh skipped because it is backing off (after failures
// recorded in the state, say before a restart) is deferred until its next
// attempt, which is no new failure; a failed one waits at least the
// server's Retry-After, up to refresh.RetryAfterMax.
func (d *daemon) retryHint(ctx context.Context, name string, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, refresh.ErrBackingOff) {
		if h, herr := d.st.HealthOf(ctx, name); herr == nil {
			return deferUntil(h.NextAttempt, err)
		}
	}
	var he *fetch.HTTPError
	if errors.As(err, &he) && he.RetryAfter > 0 {
		return &retryLater{err: err, after: min(he.RetryAfter, refresh.RetryAfterMax)}
	}
	return err
}

// retryLater is a poll error that asks the scheduler to wait at least
// after before the next poll.
type retryLater struct {
	err   error
	after time.Duration
}

func (e *retryLater) Error() string             { return e.err.Error() }
func (e *retryLater) Unwrap() error             { return e.err }
func (e *retryLater) RetryAfter() time.Duration { return e.after }

func (d *daemon) markDirty() {
	select {
	case d.dirty <- struct{}{}:
	default: // a rebuild is already pending
	}
}

// tidyEvery is how often serve tidies the state (see refresh.Runner.Tidy).
const tidyEvery = 24 * time.Hour

// writeLoop rebuilds the feeds whenever they are dirty, and tidies the
// state once a day, until stop is closed; then it does a last rebuild if
// one is pending.
func (d *daemon) writeLoop(ctx context.Context, stop <-chan struct{}) {
	tidy := time.NewTicker(tidyEvery)
	defer tidy.Stop()
	// In a shared state other workers' polls change the feeds too: look
	// for their writes in the state and rebuild the files from it.
	var sync <-chan time.Time
	written := map[string]store.FeedState{}
	if d.worker != nil {
		t := time.NewTicker(feedSync)
		defer t.Stop()
		sync = t.C
	}
	for {
		select {
		case <-d.dirty:
			d.writeFeeds(ctx, written)
		case <-sync:
			if d.othersWrote(ctx, written) {
				d.writeFeeds(ctx, written)
			}
		case <-tidy.C:
			d.runner.Load().Tidy(ctx)
		case <-stop:
			select {
			case <-d.dirty:
				d.writeFeeds(ctx, written)
			default:
			}
			return
		}
	}
}

// feedSync is how often a worker sharing the state looks for feeds that
// other workers rebuilt.
const feedSync = 2 * time.Second

// writeFeeds rebuilds the feeds and notes in written the state of each
// as this process wrote it.
func (d *daemon) writeFeeds(ctx context.Context, written map[string]store.FeedState) {
	if ctx.Err() != nil {
		return
	}
	// WriteFeeds logs each feed it writes and why one failed.
	for _, res := range d.runner.Load().WriteFeeds(ctx) {
		if res.Err == nil {
			written[res.Feed] = res.State
		}
	}
}

// othersWrote reports whether the state holds a feed whose fingerprint
// or build time differs from the files this process wrote last.
func (d *daemon) othersWrote(ctx context.Context, written map[string]store.FeedState) bool {
	states, err := d.st.FeedStates(ctx)
	if err != nil {
		d.logger.Warn("cannot read feed states", "error", err)
		return false
	}
	for _, f := range d.cfg.Load().Feeds {
		st, mine := states[f.Name], written[f.Name]
		if st.Hash != mine.Hash || !st.Built.Equal(mine.Built) {
			return true
		}
	}
	return false
}
