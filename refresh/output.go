package refresh

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/refeed/refeed/config"
	"github.com/refeed/refeed/feeds"
	"github.com/refeed/refeed/store"
)

// FeedResult is what writing one output feed did.
type FeedResult struct {
	Feed    string
	Items   int
	Changed bool // the items differ from the last written feed
	// Unchanged is a feed not rebuilt: none of its sources changed, its
	// files are there, and no item aged out of its max_age.
	Unchanged bool
	// State is the feed's fingerprint in the state after the write; its
	// Built time is the files' modification time, so that every worker
	// sharing the state serves the feed with the same Last-Modified.
	State store.FeedState
	Err   error
}

// WriteFeeds rebuilds every output feed from the stored items of its
// sources and writes it in the three formats. A feed that cannot be
// written does not stop the others.
func (r *Runner) WriteFeeds(ctx context.Context) []FeedResult {
	return r.writeFeeds(ctx, func(*config.Feed) bool { return true })
}

// WriteChangedFeeds rebuilds the feeds that list one of the changed
// sources, and those due anyway (see feedDue); the others are left as
// they are, unread.
func (r *Runner) WriteChangedFeeds(ctx context.Context, changed map[string]bool) []FeedResult {
	return r.writeFeeds(ctx, func(fc *config.Feed) bool {
		return slices.ContainsFunc(fc.Sources, func(s string) bool { return changed[s] })
	})
}

// RebuildFeeds rebuilds the named feeds from the state, as another
// worker sharing it changed them; the others are left as they are.
func (r *Runner) RebuildFeeds(ctx context.Context, names map[string]bool) []FeedResult {
	var results []FeedResult
	for i := range r.cfg.Feeds {
		if fc := &r.cfg.Feeds[i]; names[fc.Name] {
			results = append(results, r.feedPass(ctx, fc, true))
		}
	}
	return results
}

func (r *Runner) writeFeeds(ctx context.Context, rebuild func(*config.Feed) bool) []FeedResult {
	results := make([]FeedResult, 0, len(r.cfg.Feeds))
	for i := range r.cfg.Feeds {
		fc := &r.cfg.Feeds[i]
		results = append(results, r.feedPass(ctx, fc, rebuild(fc)))
	}
	return results
}

// feedPass writes one feed when changed or due, and logs what it did.
func (r *Runner) feedPass(ctx context.Context, fc *config.Feed, changed bool) FeedResult {
	var res FeedResult
	if !changed && !r.feedDue(ctx, fc) {
		res = FeedResult{Feed: fc.Name, Unchanged: true}
	} else {
		res = r.writeFeed(ctx, fc)
	}
	switch {
	case res.Err != nil && ctx.Err() != nil:
		// Stopping: the file on disk is still the last whole feed.
		r.log.Info("feed not written: stopping", "feed", res.Feed)
	case res.Err != nil:
		r.log.Error("feed not written", "feed", res.Feed, "error", res.Err)
	case res.Unchanged:
		r.log.Debug("feed unchanged: none of its sources changed", "feed", res.Feed)
	default:
		r.log.Info("feed written", "feed", res.Feed, "items", res.Items, "changed", res.Changed)
	}
	return res
}

// feedDue reports whether a feed must be rebuilt although none of its
// sources changed: it was never built, one of its files is missing, or
// an item passed its max_age.
func (r *Runner) feedDue(ctx context.Context, fc *config.Feed) bool {
	st, err := r.store.FeedState(ctx, fc.Name)
	if err != nil || st.Hash == "" || (!st.Expires.IsZero() && !r.now().Before(st.Expires)) {
		return true
	}
	for _, ext := range []string{feeds.ExtRSS, feeds.ExtAtom, feeds.ExtJSON} {
		if _, err := os.Stat(filepath.Join(r.cfg.Output, fc.Name+ext)); err != nil {
			return true
		}
	}
	return false
}

func (r *Runner) writeFeed(ctx context.Context, fc *config.Feed) FeedResult {
	res := FeedResult{Feed: fc.Name}
	if err := os.MkdirAll(r.cfg.Output, 0o755); err != nil {
		res.Err = fmt.Errorf("refresh: output folder: %w", err)
		return res
	}
	items, err := r.selectItems(ctx, fc)
	if err != nil {
		res.Err = err
		return res
	}
	feed := feeds.Feed{
		Name: fc.Name, Title: fc.Title, Link: fc.Link, Description: fc.Description,
		Language: fc.Language, Icon: fc.Icon, SelfURL: r.cfg.BaseURL,
		Generator: "refeed", Items: items,
	}
	if res.Err = feeds.WriteFiles(r.cfg.Output, feed); res.Err != nil {
		return res
	}
	res.Items = len(items)
	r.obs.SetFeedItems(fc.Name, len(items))
	if res.Changed, res.State, res.Err = r.saveFeedState(ctx, fc, feed); res.Err != nil {
		return res
	}
	res.Err = stampFiles(r.cfg.Output, fc.Name, res.State.Built)
	return res
}

// selectItems chooses a feed's items from the newest stored items of its
// sources: a quarter more than its limit at first, for what dedupe and
// filters drop, and more only when that was not enough. Its cost follows
// the feed's limit, not the number of items stored.
func (r *Runner) selectItems(ctx context.Context, fc *config.Feed) ([]feeds.Item, error) {
	now := r.now().UTC()
	var since time.Time
	if fc.MaxAge > 0 {
		since = now.Add(-fc.MaxAge)
	}
	opts := feeds.SelectOptions{
		Now: now, Limit: fc.Limit, MaxAge: fc.MaxAge, DedupeTitles: fc.Dedupe(),
		TitleWindow: feeds.DefaultTitleWindow, Include: fc.Filter.Include, Exclude: fc.Filter.Exclude,
	}
	for n := candidates(fc.Limit); ; n *= 4 {
		stored, err := r.store.NewestItems(ctx, fc.Sources, n, since)
		if err != nil {
			return nil, err
		}
		dups := r.duplicateLog(fc.Name)
		opts.OnDuplicate = dups.drop
		items := feeds.Select(stored, opts)
		if len(items) >= fc.Limit || len(stored) < n || n >= maxCandidates*fc.Limit {
			dups.summarize()
			return items, nil
		}
	}
}

// candidates is how many stored items selectItems reads first for a feed
// of limit items.
func candidates(limit int) int { return limit + limit/4 + 8 }

// maxCandidates bounds how many stored items per feed item selectItems
// reads for a feed whose filters drop most items.
const maxCandidates = 128

// saveFeedState records the fingerprint of everything the feed's files
// are rendered from, and reports whether it changed since the last write.
func (r *Runner) saveFeedState(ctx context.Context, fc *config.Feed, feed feeds.Feed) (bool, store.FeedState, error) {
	raw, err := json.Marshal(feed)
	if err != nil {
		return false, store.FeedState{}, err
	}
	sum := sha256.Sum256(raw)
	hash := hex.EncodeToString(sum[:])
	old, err := r.store.FeedState(ctx, feed.Name)
	if err != nil {
		return false, store.FeedState{}, err
	}
	expires := feedExpires(fc, feed.Items)
	if old.Hash == hash && old.Expires.Equal(expires) {
		return false, old, nil
	}
	// Whole seconds, as Last-Modified has them.
	st := store.FeedState{Hash: hash, Built: r.now().UTC().Truncate(time.Second), Items: len(feed.Items), Expires: expires}
	if old.Hash == hash {
		st.Built = old.Built // the same items: only the expiry moved
	}
	return old.Hash != hash, st, r.store.SaveFeedState(ctx, fc.Name, st)
}

// stampFiles sets the modification time of the feed's files, which the
// server sends as Last-Modified, to when their content last changed by
// the state, rather than when this process happened to write them.
func stampFiles(dir, name string, built time.Time) error {
	if built.IsZero() {
		return nil
	}
	for _, ext := range []string{feeds.ExtRSS, feeds.ExtAtom, feeds.ExtJSON} {
		if err := os.Chtimes(filepath.Join(dir, name+ext), built, built); err != nil {
			return fmt.Errorf("refresh: stamp feed files: %w", err)
		}
	}
	return nil
}

// feedExpires is when the oldest of a feed's items passes its max_age,
// and the feed must be rebuilt without it; zero without max_age.
func feedExpires(fc *config.Feed, items []feeds.Item) time.Time {
	if fc.MaxAge <= 0 || len(items) == 0 {
		return time.Time{}
	}
	oldest := feeds.ItemDate(items[0])
	for _, it := range items[1:] {
		if d := feeds.ItemDate(it); d.Before(oldest) {
			oldest = d
		}
	}
	return oldest.Add(fc.MaxAge).UTC()
}

// duplicates logs the items Select drops from one feed as duplicates:
// each at debug, and how many and why at info. It logs nothing until
// summarize, since selectItems may select again from more candidates.
type duplicates struct {
	log     *slog.Logger
	count   map[feeds.Duplicate]int
	details []func()
}

func (r *Runner) duplicateLog(feed string) *duplicates {
	return &duplicates{log: r.log.With("feed", feed), count: make(map[feeds.Duplicate]int)}
}

func (d *duplicates) drop(dropped, kept feeds.Item, why feeds.Duplicate) {
	d.count[why]++
	d.details = append(d.details, func() {
		d.log.Debug("duplicate dropped", "why", string(why), "title", dropped.Title, "source", dropped.Source,
			"url", dropped.URL, "kept_title", kept.Title, "kept_source", kept.Source, "kept_url", kept.URL)
	})
}

func (d *duplicates) summarize() {
	for _, log := range d.details {
		log()
	}
	same, similar := d.count[feeds.SameArticle], d.count[feeds.SimilarTitle]
	if same+similar == 0 {
		return
	}
	d.log.Info("duplicates dropped", "dropped", same+similar,
		"same_article", same, "similar_title", similar,
		"why", "same_article: one article in several source feeds; similar_title: one story told by several sources (dedupe_titles); --log-level debug names each")
}
