package refresh

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"

	"github.com/refeed/refeed/config"
	"github.com/refeed/refeed/feeds"
	"github.com/refeed/refeed/store"
)

// FeedResult is what writing one output feed did.
type FeedResult struct {
	Feed    string
	Items   int
	Changed bool // the items differ from the last written feed
	Err     error
}

// WriteFeeds rebuilds every output feed from the stored items of its
// sources and writes it in the three formats. A feed that cannot be
// written does not stop the others.
func (r *Runner) WriteFeeds(ctx context.Context) []FeedResult {
	results := make([]FeedResult, 0, len(r.cfg.Feeds))
	if err := os.MkdirAll(r.cfg.Output, 0o755); err != nil {
		err = fmt.Errorf("refresh: output folder: %w", err)
		for _, f := range r.cfg.Feeds {
			r.log.Error("feed not written", "feed", f.Name, "error", err)
			results = append(results, FeedResult{Feed: f.Name, Err: err})
		}
		return results
	}
	for i := range r.cfg.Feeds {
		res := r.writeFeed(ctx, &r.cfg.Feeds[i])
		switch {
		case res.Err != nil && ctx.Err() != nil:
			// Stopping: the file on disk is still the last whole feed.
			r.log.Info("feed not written: stopping", "feed", res.Feed)
		case res.Err != nil:
			r.log.Error("feed not written", "feed", res.Feed, "error", res.Err)
		default:
			r.log.Info("feed written", "feed", res.Feed, "items", res.Items, "changed", res.Changed)
		}
		results = append(results, res)
	}
	return results
}

func (r *Runner) writeFeed(ctx context.Context, fc *config.Feed) FeedResult {
	res := FeedResult{Feed: fc.Name}
	stored, err := r.store.ItemsForSources(ctx, fc.Sources)
	if err != nil {
		res.Err = err
		return res
	}
	dups := r.duplicateLog(fc.Name)
	items := feeds.Select(stored, feeds.SelectOptions{
		Now:          r.now().UTC(),
		Limit:        fc.Limit,
		MaxAge:       fc.MaxAge,
		DedupeTitles: fc.Dedupe(),
		TitleWindow:  feeds.DefaultTitleWindow,
		Include:      fc.Filter.Include,
		Exclude:      fc.Filter.Exclude,
		OnDuplicate:  dups.drop,
	})
	dups.summarize()
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
	res.Changed, res.Err = r.saveFeedState(ctx, fc.Name, items)
	return res
}

// saveFeedState records the feed's fingerprint and reports whether it
// changed since the last write.
func (r *Runner) saveFeedState(ctx context.Context, name string, items []feeds.Item) (bool, error) {
	raw, err := json.Marshal(items)
	if err != nil {
		return false, err
	}
	sum := sha256.Sum256(raw)
	hash := hex.EncodeToString(sum[:])
	old, err := r.store.FeedState(ctx, name)
	if err != nil {
		return false, err
	}
	if old.Hash == hash {
		return false, nil
	}
	return true, r.store.SaveFeedState(ctx, name, store.FeedState{Hash: hash, Built: r.now().UTC(), Items: len(items)})
}

// duplicates logs the items Select drops from one feed as duplicates:
// each at debug, and how many and why at info.
type duplicates struct {
	log   *slog.Logger
	count map[feeds.Duplicate]int
}

func (r *Runner) duplicateLog(feed string) *duplicates {
	return &duplicates{log: r.log.With("feed", feed), count: make(map[feeds.Duplicate]int)}
}

func (d *duplicates) drop(dropped, kept feeds.Item, why feeds.Duplicate) {
	d.count[why]++
	d.log.Debug("duplicate dropped", "why", string(why), "title", dropped.Title, "source", dropped.Source,
		"url", dropped.URL, "kept_title", kept.Title, "kept_source", kept.Source, "kept_url", kept.URL)
}

func (d *duplicates) summarize() {
	same, similar := d.count[feeds.SameArticle], d.count[feeds.SimilarTitle]
	if same+similar == 0 {
		return
	}
	d.log.Info("duplicates dropped", "dropped", same+similar,
		"same_article", same, "similar_title", similar,
		"why", "same_article: one article in several source feeds; similar_title: one story told by several sources (dedupe_titles); --log-level debug names each")
}
