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
)

// Backoff of a failing source: the next attempt waits sourceBackoffBase
// after the first failure, doubling per failure up to sourceBackoffMax.
const (
	sourceBackoffBase = 5 * time.Minute
	sourceBackoffMax  = 6 * time.Hour
)

// RetryAfterMax is the longest a server's Retry-After keeps a source from
// being polled: longer than the backoff, but a maintenance page's "come
// back in a year" must not silence a source for a year.
const RetryAfterMax = 24 * time.Hour

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
	// NotDue is a source skipped, without a request, because its server
	// said its feed stays fresh until NextPoll. That is no failure.
	NotDue bool
	// NextPoll is when the source is due again by its server's word
	// (Cache-Control max-age or Expires, capped at FreshForMax); zero
	// when the server said nothing.
	NextPoll time.Time
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
		r.recordFailure(ctx, log, src.Name, start, res.Err)
		return res
	}
	if err := r.store.RecordSuccess(ctx, src.Name, start, res.Seen, res.New, res.NextPoll); err != nil {
		res.Err = err
	}
	r.obs.SourceSuccess(src.Name, start)
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
		res.Err = ErrBackingOff
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

func (r *Runner) recordFailure(ctx context.Context, log *slog.Logger, name string, at time.Time, failure error) {
	r.obs.SourceFailure(name)
	failures := 1
	if h, err := r.store.HealthOf(ctx, name); err == nil {
		failures = h.ConsecutiveFailures + 1
	}
	next := at.Add(fetch.Backoff(failures, sourceBackoffBase, sourceBackoffMax))
	var he *fetch.HTTPError
	if errors.As(failure, &he) && he.RetryAfter > 0 {
		if wait := min(he.RetryAfter, RetryAfterMax); at.Add(wait).After(next) {
			next = at.Add(wait)
		}
	}
	if err := r.store.RecordFailure(ctx, name, at, failure, next); err != nil {
		log.Error("cannot record source failure", "error", err)
	}
	log.Error("source failed", "error", failure, "consecutive_failures", failures, "next_attempt", next.Format(time.RFC3339))
}

// poll fetches, parses, extracts and stores one source.
func (r *Runner) poll(ctx context.Context, src *config.Source, res *SourceResult) error {
	start := r.now()
	doc, err := r.fetchDocument(ctx, src)
	if err != nil {
		return err
	}
	res.NextPoll = freshUntil(start, doc.resp.MaxAge)
	stored, err := r.store.SourceItems(ctx, src.Name)
	if err != nil {
		return err
	}
	var incoming []feeds.Item
	if doc.resp.NotModified {
		res.NotModified = true
	} else {
		parsed, err := r.itemsOf(src, doc.resp)
		if err != nil {
			return err
		}
		incoming = r.prepareItems(src, parsed)
		res.Seen = len(incoming)
		res.New = len(feeds.Pending(stored, incoming))
	}
	merged := feeds.Merge(stored, incoming, r.now().UTC())
	changed := r.extractArticles(ctx, src, merged, res)
	if !doc.resp.NotModified || changed {
		if err := r.store.SaveSourceItems(ctx, src.Name, merged); err != nil {
			return err
		}
		if _, err := r.store.Prune(ctx, src.Name, r.keepItems(src.Name)); err != nil {
			return err
		}
	}
	// Validators go last: if anything above failed, the next poll fetches
	// the whole document again instead of trusting a 304.
	return doc.saveValidators(ctx, r.store)
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

// keepItems is how many items of a source the state keeps: enough for the
// largest feed the source is in, with room for dedupe and filters.
func (r *Runner) keepItems(source string) int {
	keep := 200
	for _, f := range r.cfg.Feeds {
		for _, s := range f.Sources {
			if s == source && 2*f.Limit > keep {
				keep = 2 * f.Limit
			}
		}
	}
	return keep
}

// retries maps the config's retry count (0 = none) to fetch's (0 = default).
func retries(n int) int {
	if n == 0 {
		return -1
	}
	return n
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
