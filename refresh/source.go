package refresh

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/url"
	"time"

	"github.com/refeed/refeed/config"
	"github.com/refeed/refeed/feeds"
	"github.com/refeed/refeed/fetch"
	"github.com/refeed/refeed/listing"
	"github.com/refeed/refeed/metrics"
	"github.com/refeed/refeed/store"
)

// FreshForMax caps how long a server's announced freshness (Cache-Control
// max-age or Expires on the feed) keeps a source from being polled: long
// enough to spare a site that asks for it, short enough that a CDN's
// "cache for a month" does not silence a news source.
const FreshForMax = 6 * time.Hour

// ErrBackingOff is a source skipped because its last polls failed and its
// next attempt is still in the future.
var ErrBackingOff = errors.New("refresh: backing off after failures")

// SourceResult is what one refresh of a source did.
type SourceResult struct {
	Source      string
	NotModified bool // the feed answered 304
	Seen        int  // items in the source feed
	New         int  // items new or changed since the last poll
	Extracted   int  // articles fetched and extracted
	Reused      int  // articles reused from the state, without a request
	Failed      int  // articles that could not be fetched or extracted
	Pruned      int  // stored items dropped: beyond what the source's feeds show
	// Changed reports that the poll stored anything, so the feeds of the
	// source must be rebuilt.
	Changed bool
	// NotDue is a source skipped, without a request, because its server
	// said its feed stays fresh until NextPoll. That is no failure.
	NotDue bool
	// NextPoll is when the source is due again by its server's word
	// (Cache-Control max-age or Expires, capped at FreshForMax); zero
	// when the server said nothing.
	NextPoll time.Time
	// NextAttempt is when a source that failed, or was skipped while
	// backing off, may be polled again (see NextAttempt).
	NextAttempt time.Time
	// LeasedBy is the worker that had the source when this one, sharing
	// the state, skipped it; that is no failure.
	LeasedBy string
	Err      error
}

// refresh polls one source and stores its items. Errors end up in the
// result, logged, and in the source's health.
func (r *Runner) refresh(ctx context.Context, src *config.Source) SourceResult {
	log := r.log.With("source", src.Name)
	start := r.now()
	res := SourceResult{Source: src.Name}
	if skip := r.skip(ctx, log, start, &res); skip {
		return res
	}
	res.Err = r.poll(ctx, src, &res)
	if res.Err != nil && ctx.Err() != nil {
		// Shutdown or a cancelled run, not the source's fault: its health
		// and backoff stay as they were.
		log.Info("source interrupted", "error", res.Err)
		return res
	}
	if res.Err != nil {
		r.recordFailure(ctx, log, src, start, &res)
		r.recordPoll(ctx, log, src.Name, store.Poll{At: start, Failed: true})
		return res
	}
	if err := r.store.RecordSuccess(ctx, src.Name, start, res.Seen, res.New, res.NextPoll); err != nil {
		res.Err = err
	}
	r.obs.SourceSuccess(src.Name, start)
	r.recordPoll(ctx, log, src.Name, store.Poll{At: start, New: res.New})
	log.Info("source done", "items", res.Seen, "new", res.New, "extracted", res.Extracted,
		"reused", res.Reused, "failed", res.Failed, "not_modified", res.NotModified,
		"duration", r.now().Sub(start).Round(time.Millisecond))
	return res
}

// skip reports whether the source must not be polled now, filling res
// with why: it is backing off after failures (an error), or its server
// said the last answer stays fresh (NotDue). Options.IgnoreBackoff polls
// it anyway.
func (r *Runner) skip(ctx context.Context, log *slog.Logger, now time.Time, res *SourceResult) bool {
	if r.force {
		return false
	}
	h, err := r.store.HealthOf(ctx, res.Source)
	switch {
	case err != nil:
		res.Err = err
	case !now.Before(h.NextAttempt):
		return false
	case h.ConsecutiveFailures > 0:
		res.Err, res.NextAttempt = ErrBackingOff, h.NextAttempt
	default:
		res.NotDue, res.NextPoll = true, h.NextAttempt
		log.Info("source not due: its server said the feed stays fresh", "next_poll", h.NextAttempt.Format(time.RFC3339))
		return true
	}
	log.Warn("source skipped", "error", res.Err)
	return true
}

// freshUntil is when a document fetched at start, which its server said
// stays fresh for freshFor, is worth fetching again: a tenth early, so
// that a cron run a few seconds ahead of the mark is not turned away, and
// never later than FreshForMax. Zero when the server said nothing.
func freshUntil(start time.Time, freshFor time.Duration) time.Time {
	if freshFor <= 0 {
		return time.Time{}
	}
	return start.Add(min(freshFor, FreshForMax) * 9 / 10)
}

// recordFailure records a failed poll with its next attempt (see
// NextAttempt) in the state, and puts that in res.
func (r *Runner) recordFailure(ctx context.Context, log *slog.Logger, src *config.Source, at time.Time, res *SourceResult) {
	r.obs.SourceFailure(src.Name)
	failures := 1
	if h, err := r.store.HealthOf(ctx, src.Name); err == nil {
		failures = h.ConsecutiveFailures + 1
	}
	res.NextAttempt = NextAttempt(at, r.Interval(src), failures, res.Err)
	if err := r.store.RecordFailure(ctx, src.Name, at, res.Err, res.NextAttempt); err != nil {
		log.Error("cannot record source failure", "error", err)
	}
	log.Error("source failed", "error", res.Err, "consecutive_failures", failures,
		"next_attempt", res.NextAttempt.Format(time.RFC3339), "next_attempt_in", res.NextAttempt.Sub(at).Round(time.Second))
}

// recordPoll adds a poll to the source's history; failing to is logged,
// not fatal: the history only feeds the index page.
func (r *Runner) recordPoll(ctx context.Context, log *slog.Logger, name string, p store.Poll) {
	if err := r.store.RecordPoll(ctx, name, p); err != nil {
		log.Warn("cannot record poll history", "error", err)
	}
}

// Interval is how often src is polled: serve's --interval (Options.
// Interval) when set, else the source's own or the config's interval.
func (r *Runner) Interval(src *config.Source) time.Duration {
	if r.interval > 0 {
		return r.interval
	}
	return src.EffectiveInterval(r.cfg)
}

// poll fetches, parses, extracts and stores one source. It reads back
// from the state only what the poll touches: the stored copies of the
// items the feed lists now (none when it answered 304) and the items
// still waiting for their article; it writes only the items that changed.
func (r *Runner) poll(ctx context.Context, src *config.Source, res *SourceResult) error {
	start := r.now()
	doc, err := r.fetchDocument(ctx, src)
	if err != nil {
		return err
	}
	res.NextPoll = freshUntil(start, doc.resp.MaxAge)
	keep := r.keep[src.Name]
	var changed []feeds.Item
	if doc.resp.NotModified {
		res.NotModified = true
	} else if changed, err = r.changedItems(ctx, src, doc.resp, keep, res); err != nil {
		return err
	}
	worked, pending, err := r.extractArticles(ctx, src, changed, res)
	if err != nil {
		return err
	}
	if save := append(changed, worked...); len(save) > 0 {
		if err := r.store.SaveItems(ctx, src.Name, save, pending); err != nil {
			return err
		}
		res.Changed = true
		pruned, err := r.store.PruneOlder(ctx, src.Name, keep.items, keep.since(r.now()))
		if err != nil {
			return err
		}
		res.Pruned = int(pruned)
	}
	// Validators go last: if anything above failed, the next poll fetches
	// the whole document again instead of trusting a 304.
	return doc.saveValidators(ctx, r.store)
}

// changedItems parses a source's document and returns its items that are
// new or changed since the last poll, merged with their stored copies:
// the newest keep.items of those the feed lists, none older than the
// source's feeds show.
func (r *Runner) changedItems(ctx context.Context, src *config.Source, resp *fetch.Response, keep keepRule, res *SourceResult) ([]feeds.Item, error) {
	parsed, err := r.itemsOf(src, resp)
	if err != nil {
		return nil, err
	}
	incoming := keep.apply(r.prepareItems(src, parsed), r.now())
	ids := make([]string, len(incoming))
	for i, it := range incoming {
		ids[i] = it.ID
	}
	hashes, err := r.store.ContentHashes(ctx, src.Name, ids)
	if err != nil {
		return nil, err
	}
	// Only the stored copies of items that changed (or whose hash the
	// state lacks) are read back, to be merged.
	var differ []string
	for _, it := range incoming {
		if h, ok := hashes[it.ID]; ok && (h == "" || h != it.ContentHash) {
			differ = append(differ, it.ID)
		}
	}
	stored, err := r.store.StoredItems(ctx, src.Name, differ)
	if err != nil {
		return nil, err
	}
	var fresh []feeds.Item
	for _, it := range incoming {
		if h, ok := hashes[it.ID]; !ok || h == "" || h != it.ContentHash {
			fresh = append(fresh, it)
		}
	}
	todo := feeds.Pending(stored, fresh)
	res.Seen, res.New = len(incoming), len(todo)
	merged := feeds.Merge(stored, todo, r.now().UTC())
	isChanged := make(map[string]bool, len(todo))
	for _, it := range todo {
		isChanged[it.ID] = true
	}
	out := merged[:0]
	for _, it := range merged {
		if isChanged[it.ID] {
			out = append(out, it)
		}
	}
	return out, nil
}

// itemsOf turns a source's document into items: a feed is parsed, a
// listing page's article links are found.
func (r *Runner) itemsOf(src *config.Source, resp *fetch.Response) ([]feeds.Item, error) {
	if !src.IsPage() {
		parsed, err := r.parser.ParseWith(resp.Body, resp.URL, feeds.ParseOptions{Location: src.EffectiveLocation(r.cfg)})
		if err != nil {
			return nil, err
		}
		return parsed.Items, nil
	}
	pageURL, err := url.Parse(resp.URL)
	if err != nil {
		return nil, err
	}
	var rule *listing.Rule
	if src.Links != "" {
		if rule, err = listing.CompileRule(src.Links, src.LinkTitle); err != nil {
			return nil, err
		}
	}
	return listing.ItemsIn(bytes.NewReader(resp.Body), pageURL, rule, listing.DefaultMax, src.EffectiveLocation(r.cfg))
}

// prepareItems stamps the source's name and language on freshly parsed
// items and applies the source's include/exclude filter.
func (r *Runner) prepareItems(src *config.Source, items []feeds.Item) []feeds.Item {
	out := items[:0:0]
	for _, it := range items {
		if !src.Filter.Keep(append([]string{it.Title, it.Text}, it.Categories...)...) {
			continue
		}
		it.Source = src.Name
		if it.Lang == "" {
			it.Lang = src.Language
		}
		out = append(out, it)
	}
	return out
}

func (r *Runner) observeFetch(kind string, resp *fetch.Response, err error, d time.Duration) {
	outcome, status := "ok", 0
	switch {
	case err != nil:
		outcome = "error"
		var he *fetch.HTTPError
		if errors.As(err, &he) {
			status = he.StatusCode
		}
	case resp.NotModified:
		outcome, status = "not_modified", resp.StatusCode
	default:
		status = resp.StatusCode
	}
	r.obs.ObserveFetch(kind, outcome, metrics.StatusClass(status), d)
}
