package refresh

import (
	"context"
	"errors"
	"fmt"

	"golang.org/x/sync/errgroup"

	"github.com/refeed/refeed/config"
	"github.com/refeed/refeed/extract"
	"github.com/refeed/refeed/feeds"
)

// onTheFlySource is the source a feed or page asked for on the fly is read
// as: a fulltext feed with the config's global settings.
func onTheFlySource(target string) *config.Source {
	return &config.Source{Name: "on-the-fly", URL: target, Type: config.TypeFeed, FullText: config.FullTextOn}
}

// FullTextFeed fetches the feed at feedURL (or the feed a page at feedURL
// links), takes its newest limit items, and extracts the article of each
// as a fulltext source would: the same fetch, site rules, extractor,
// multi-page joining and feed code. An article that fails keeps the feed's
// own text. It reads and writes no state: a Runner built with a nil store
// may call it. It fails only when the feed cannot be fetched or read.
func (r *Runner) FullTextFeed(ctx context.Context, feedURL string, limit int) (feeds.Feed, error) {
	src := onTheFlySource(feedURL)
	resp, err := r.fetcher.FetchFeed(ctx, r.sourceRequest(src, feedURL, "", ""))
	if err != nil {
		return feeds.Feed{}, err
	}
	parsed, err := r.parser.ParseWith(resp.Body, resp.URL, feeds.ParseOptions{Location: src.EffectiveLocation(r.cfg)})
	if err != nil {
		return feeds.Feed{}, err
	}
	items := feeds.Select(r.prepareItems(src, parsed.Items), feeds.SelectOptions{Now: r.now().UTC(), Limit: max(limit, 1)})
	r.extractOnTheFly(ctx, src, items)
	return feeds.Feed{
		Name: "fulltext", Title: parsed.Title, Link: parsed.Link, Description: parsed.Description,
		Language: parsed.Language, Icon: parsed.Image, Generator: "refeed", Items: items,
	}, ctx.Err()
}

// extractOnTheFly puts the article of each item in it, in place.
func (r *Runner) extractOnTheFly(ctx context.Context, src *config.Source, items []feeds.Item) {
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(max(1, r.cfg.Concurrency))
	for i := range items {
		if items[i].URL == "" {
			continue
		}
		g.Go(func() error {
			art, err := r.ExtractPage(gctx, items[i].URL)
			if art != nil {
				applyArticle(&items[i], art, "", r.now())
			}
			if err != nil && gctx.Err() == nil {
				r.log.Warn("on-the-fly article failed; keeping the feed's text", "url", items[i].URL, "error", err)
			}
			return nil
		})
	}
	_ = g.Wait()
}

// ExtractPage fetches the article at pageURL, with its other pages or its
// single-page version, as a fulltext source would, and without state.
// When a later page fails, the pages before it come back with the error.
func (r *Runner) ExtractPage(ctx context.Context, pageURL string) (*extract.Article, error) {
	art, err := r.fetchArticle(ctx, onTheFlySource(pageURL), nil, pageURL)
	if art != nil && errors.Is(err, errPartial) {
		return art, fmt.Errorf("refresh: %s: %w", pageURL, err)
	}
	return art, err
}
