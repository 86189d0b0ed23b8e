// Package refresh runs refeed's pipeline: for each source it fetches the
// feed, extracts the articles of new items, merges them into the stored
// items, and then rebuilds every output feed from the state.
//
// Data flows one way: config → fetch → extract → feeds → store/output.
// A Runner holds no state of its own between calls beyond what is in the
// store, so `refeed run` calls RunOnce and `refeed serve` calls
// RefreshSource and WriteFeeds on its own timer.
package refresh

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/refeed/refeed/config"
	"github.com/refeed/refeed/feeds"
	"github.com/refeed/refeed/fetch"
	"github.com/refeed/refeed/siterules"
	"github.com/refeed/refeed/store"
)

// Observer receives measurements of the pipeline; *metrics.Metrics
// implements it. A nil Observer in Options records nothing.
type Observer interface {
	ObserveFetch(kind, outcome, statusClass string, d time.Duration)
	ObserveExtract(outcome string, d time.Duration)
	SetFeedItems(feed string, n int)
	SourceFailure(source string)
	SourceSuccess(source string, t time.Time)
}

// Options tune a Runner. The zero value is usable.
type Options struct {
	// Now returns the current time; tests set it. Default time.Now.
	Now func() time.Time
	// Observer records metrics; nil records nothing.
	Observer Observer
	// IgnoreBackoff polls sources even when their last failures, or their
	// server's word that the feed is still fresh, put their next attempt
	// in the future (`refeed run --force`).
	IgnoreBackoff bool
	// Interval, when positive, is the poll interval of every source
	// instead of the configured ones (`refeed serve --interval`); the
	// backoff of a failing source starts from it.
	Interval time.Duration
	// SiteRules are per-host extraction rules (see LoadSiteRules); nil
	// means none.
	SiteRules *siterules.Set
	// Guard, when set, is the private-network guard of every request the
	// Runner makes, trusting no host of its own: for the URLs users hand
	// in on the fly (FullTextFeed, ExtractPage).
	Guard *fetch.Guard
	// Lease, when several workers share the state, claims each source
	// RunOnce polls; nil polls them all.
	Lease Lease
}

// Runner runs the pipeline over one config. It is safe for concurrent use
// by several goroutines refreshing different sources.
type Runner struct {
	cfg      *config.Config
	store    *store.Store
	fetcher  *fetch.Client
	parser   *feeds.Parser
	log      *slog.Logger
	obs      Observer
	now      func() time.Time
	force    bool
	sites    *siterules.Set
	interval time.Duration
	guard    *fetch.Guard
	keep     map[string]keepRule // by source name
	// pages holds a token per article page being fetched and extracted,
	// across all sources: with every source's articles in flight at
	// once, the pages and their parse trees would add up.
	pages chan struct{}
	lease Lease
}

// New returns a Runner over cfg, reading and writing st and fetching with
// fc. A nil logger discards logs.
func New(cfg *config.Config, st *store.Store, fc *fetch.Client, logger *slog.Logger, opts Options) *Runner {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	r := &Runner{cfg: cfg, store: st, fetcher: fc, parser: feeds.NewParser(), log: logger, obs: opts.Observer, now: opts.Now, force: opts.IgnoreBackoff, sites: opts.SiteRules, interval: opts.Interval, guard: opts.Guard,
		keep: keepRules(cfg), pages: make(chan struct{}, max(1, cfg.Concurrency)), lease: opts.Lease}
	if r.obs == nil {
		r.obs = noObserver{}
	}
	if r.now == nil {
		r.now = time.Now
	}
	return r
}

// FetchOptions translates the config's global fetch settings into the
// fetch client's options. It and sourceRequest are where the config's
// zero ("none": host_delay: 0, retries: 0) becomes fetch's Off, since a
// zero in fetch means "the default" (see fetch.Off).
func FetchOptions(cfg *config.Config) fetch.Options {
	return fetch.Options{
		UserAgent:    cfg.UserAgent,
		Concurrency:  cfg.Concurrency,
		PerHost:      cfg.PerHost,
		HostDelay:    noneIsOff(cfg.HostDelay),
		Timeout:      cfg.Timeout,
		MaxBody:      cfg.MaxBody,
		Retries:      noneIsOff(cfg.Retries),
		IgnoreRobots: !cfg.Robots,
	}
}

// noneIsOff maps a config value whose zero means "none" to the fetch
// value meaning the same: fetch.Off, as fetch reads zero as its default.
func noneIsOff[T int | time.Duration](v T) T {
	if v == 0 {
		return fetch.Off
	}
	return v
}

// LoadSiteRules loads the config's site rules folder, logging the rule
// files' problems as warnings. It returns nil when the config names none.
func LoadSiteRules(cfg *config.Config, logger *slog.Logger) (*siterules.Set, error) {
	if cfg.SiteRules.Dir == "" {
		return nil, nil
	}
	set, err := siterules.Load(cfg.SiteRules.Dir, siterules.Options{Global: cfg.SiteRules.Global})
	if err != nil {
		return nil, err
	}
	for _, w := range set.Warnings() {
		logger.Debug("site rule skipped", "warning", w.String())
	}
	logger.Info("site rules loaded", "dir", cfg.SiteRules.Dir, "hosts", set.Len(), "warnings", len(set.Warnings()))
	return set, nil
}

// Summary is the outcome of one RunOnce.
type Summary struct {
	Sources []SourceResult
	Feeds   []FeedResult
}

// Failed counts the sources that failed or were skipped while backing off,
// plus the feeds that could not be written.
func (s *Summary) Failed() int {
	n := 0
	for _, r := range s.Sources {
		if r.Err != nil {
			n++
		}
	}
	for _, f := range s.Feeds {
		if f.Err != nil {
			n++
		}
	}
	return n
}

// RunOnce refreshes every source and writes each output feed as soon as
// all its sources are done (so one slow source holds only its own feeds),
// then tidies the state (see Tidy). A feed none of whose sources changed
// is not rebuilt (see FeedResult.Unchanged). A failing source does not
// stop the others; its error is in its SourceResult. The returned error
// is only for what stops the whole run (a cancelled ctx).
func (r *Runner) RunOnce(ctx context.Context) (*Summary, error) {
	results := make([]SourceResult, len(r.cfg.Sources))
	fp := newFeedProgress(r.cfg)
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(max(1, r.cfg.Concurrency))
	for _, i := range interleaveHosts(r.cfg.Sources) {
		src := &r.cfg.Sources[i]
		g.Go(func() error {
			results[i] = r.leasedRefresh(gctx, src)
			for _, f := range fp.done(results[i]) {
				if gctx.Err() == nil {
					fp.results[f] = r.feedPass(gctx, &r.cfg.Feeds[f], fp.changed[f])
				}
			}
			return nil
		})
	}
	_ = g.Wait()
	if err := ctx.Err(); err != nil {
		return &Summary{Sources: results}, fmt.Errorf("refresh: run cancelled: %w", err)
	}
	sum := &Summary{Sources: results, Feeds: fp.results}
	r.Tidy(ctx)
	r.log.Info("run done", "sources", len(results), "failed", sum.Failed(), "feeds", len(sum.Feeds))
	return sum, nil
}

// RefreshSource refreshes the source named name.
func (r *Runner) RefreshSource(ctx context.Context, name string) (SourceResult, error) {
	src := r.cfg.Source(name)
	if src == nil {
		return SourceResult{Source: name}, fmt.Errorf("refresh: no source named %q", name)
	}
	res := r.refresh(ctx, src)
	return res, res.Err
}

// noObserver is the Observer that records nothing.
type noObserver struct{}

func (noObserver) ObserveFetch(string, string, string, time.Duration) {}
func (noObserver) ObserveExtract(string, time.Duration)               {}
func (noObserver) SetFeedItems(string, int)                           {}
func (noObserver) SourceFailure(string)                               {}
func (noObserver) SourceSuccess(string, time.Time)                    {}
