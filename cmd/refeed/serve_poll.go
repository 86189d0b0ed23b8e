package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/refeed/refeed/refresh"
	"github.com/refeed/refeed/schedule"
	"github.com/refeed/refeed/store"
)

// poll refreshes one source for the scheduler and asks for a feed rebuild
// when it brought anything new. The scheduler then waits what refresh
// decided and recorded in the state (see refresh.NextAttempt): a source
// whose server said its feed is still fresh is deferred until it is not,
// one backing off is deferred until its next attempt, and a failed one
// waits until its next attempt.
// In a shared state the poll runs under the source's lease, and is
// deferred while another worker holds it or polled it less than about an
// interval ago.
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
		gap := d.runner.Load().Interval(src) * 9 / 10
		leased, done, err := d.worker.hold(ctx, name, refresh.SourceHost(src.URL), gap)
		if err != nil {
			return err
		}
		defer func() { done(leased.Err() == nil) }()
		ctx = leased
	}
	res, err := d.runner.Load().RefreshSource(ctx, name)
	if res.Changed {
		d.markDirty(name)
	}
	switch {
	case res.NotDue:
		return deferUntil(res.NextPoll, errFresh)
	case err == nil || res.NextAttempt.IsZero():
		return err
	case errors.Is(err, refresh.ErrBackingOff):
		return deferUntil(res.NextAttempt, err)
	default:
		return &retryLater{err: err, after: untilDue(res.NextAttempt)}
	}
}

// deferUntil asks the scheduler not to poll before t, for the reason why.
func deferUntil(t time.Time, why error) *schedule.Deferral {
	return &schedule.Deferral{Wait: untilDue(t), Err: why}
}

// untilDue is how long to wait for t to pass: a second more, so that the
// source is surely due by then.
func untilDue(t time.Time) time.Duration {
	return time.Until(t) + time.Second
}

// errFresh is why a deferred poll waits for the server's freshness.
var errFresh = errors.New("the server said the feed stays fresh")

// retryLater is a failed poll that tells the scheduler how long to wait
// before the next one: until the source's next attempt.
type retryLater struct {
	err   error
	after time.Duration
}

func (e *retryLater) Error() string             { return e.err.Error() }
func (e *retryLater) Unwrap() error             { return e.err }
func (e *retryLater) RetryAfter() time.Duration { return e.after }

// markDirty asks for the feeds of the named sources to be rebuilt; no
// name asks for every feed.
func (d *daemon) markDirty(sources ...string) {
	d.changedMu.Lock()
	if len(sources) == 0 {
		d.all = true
	}
	if d.changed == nil {
		d.changed = map[string]bool{}
	}
	for _, s := range sources {
		d.changed[s] = true
	}
	d.changedMu.Unlock()
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
	var others <-chan time.Time
	written := map[string]store.FeedState{}
	if d.worker != nil {
		t := time.NewTicker(feedSync)
		defer t.Stop()
		others = t.C
	}
	for {
		select {
		case <-d.dirty:
			d.writeFeeds(ctx, written)
		case <-others:
			d.writeOthers(ctx, written)
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
	d.changedMu.Lock()
	all, changed := d.all, d.changed
	d.all, d.changed = false, nil
	d.changedMu.Unlock()
	// WriteFeeds and WriteChangedFeeds log each feed they write and why
	// one failed.
	var results []refresh.FeedResult
	if all {
		results = d.runner.Load().WriteFeeds(ctx)
	} else {
		results = d.runner.Load().WriteChangedFeeds(ctx, changed)
	}
	noteWritten(written, results)
}

// noteWritten records in written the state of each feed as written.
func noteWritten(written map[string]store.FeedState, results []refresh.FeedResult) {
	for _, res := range results {
		if res.Err == nil && !res.Unchanged {
			written[res.Feed] = res.State
		}
	}
}

// writeOthers rebuilds, from the state, the feeds that other workers
// changed since this process last wrote them: their fingerprint or build
// time in the state differs.
func (d *daemon) writeOthers(ctx context.Context, written map[string]store.FeedState) {
	states, err := d.st.FeedStates(ctx)
	if err != nil {
		d.logger.Warn("cannot read feed states", "error", err)
		return
	}
	stale := map[string]bool{}
	for _, f := range d.cfg.Load().Feeds {
		st, mine := states[f.Name], written[f.Name]
		if st.Hash != mine.Hash || !st.Built.Equal(mine.Built) {
			stale[f.Name] = true
		}
	}
	if len(stale) > 0 && ctx.Err() == nil {
		noteWritten(written, d.runner.Load().RebuildFeeds(ctx, stale))
	}
}
