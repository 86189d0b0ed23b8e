package refresh

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
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
	items := feeds.Select(stored, feeds.SelectOptions{
		Now:          r.now().UTC(),
		Limit:        fc.Limit,
		MaxAge:       fc.MaxAge,
		DedupeTitles: fc.Dedupe(),
		TitleWindow:  feeds.DefaultTitleWindow,
		Include:      fc.Filter.Include,
		Exclude:      fc.Filter.Exclude,
	})
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
	if res.Changed, res.State, res.Err = r.saveFeedState(ctx, feed); res.Err != nil {
		return res
	}
	res.Err = stampFiles(r.cfg.Output, fc.Name, res.State.Built)
	return res
}

// saveFeedState records the fingerprint of everything the feed's files
// are rendered from, and reports whether it changed since the last write.
func (r *Runner) saveFeedState(ctx context.Context, feed feeds.Feed) (bool, store.FeedState, error) {
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
	if old.Hash == hash {
		return false, old, nil
	}
	st := store.FeedState{Hash: hash, Built: r.now().UTC().Truncate(time.Second), Items: len(feed.Items)}
	return true, st, r.store.SaveFeedState(ctx, feed.Name, st)
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
