package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"time"

	"github.com/refeed/refeed/config"
	"github.com/refeed/refeed/extract"
	"github.com/refeed/refeed/feeds"
	"github.com/refeed/refeed/fetch"
	"github.com/refeed/refeed/refresh"
	"github.com/refeed/refeed/server"
	"github.com/refeed/refeed/siterules"
)

// onTheFlyAllowKey names the setting whose networks on-the-fly URLs may
// reach, for the refusal messages.
const onTheFlyAllowKey = "on_the_fly.allow_networks"

// onTheFly makes full-text feeds and articles of URLs users hand in, with
// the same fetch, extract and feeds code as the configured sources.
type onTheFly struct {
	runner *refresh.Runner
}

// newOnTheFly builds the on-the-fly service over cfg, fetching through
// client; guard keeps its requests out of private networks, and obs (nil:
// none) counts its fetches and extractions with the sources'.
func newOnTheFly(cfg *config.Config, client *fetch.Client, logger *slog.Logger, sites *siterules.Set, guard *fetch.Guard, obs refresh.Observer) *onTheFly {
	return &onTheFly{runner: refresh.New(cfg, nil, client, logger, refresh.Options{SiteRules: sites, Guard: guard, Observer: obs})}
}

// serverConfig is what "refeed serve" passes the server for cfg, or nil
// when on_the_fly is off.
func (o *onTheFly) serverConfig(cfg *config.Config) *server.OnTheFly {
	if o == nil || !cfg.OnTheFly.Enabled {
		return nil
	}
	return &server.OnTheFly{
		Keys: cfg.OnTheFly.Keys, RateLimit: cfg.OnTheFly.RateLimit, MaxItems: cfg.OnTheFly.MaxItems,
		CacheFor: cfg.Interval, FullText: o.fullText, Extract: o.extract,
	}
}

// fullText renders the full-text version of the feed at feedURL.
func (o *onTheFly) fullText(ctx context.Context, feedURL, format string, limit int) ([]byte, string, error) {
	feed, err := o.runner.FullTextFeed(ctx, feedURL, limit)
	if err != nil {
		return nil, "", serverError(err)
	}
	return renderFeed(feed, format)
}

// extract returns the article at pageURL as JSON, as "refeed extract
// --format json" prints one.
func (o *onTheFly) extract(ctx context.Context, pageURL string) ([]byte, error) {
	art, err := o.runner.ExtractPage(ctx, pageURL)
	if art == nil {
		return nil, serverError(err)
	}
	out := extractOutput{URL: pageURL, Title: art.Title, Byline: art.Byline, Lang: art.Lang, Dir: art.Dir,
		SiteName: art.SiteName, Image: art.Image, Text: art.Text, HTML: art.HTML}
	if !art.Published.IsZero() {
		out.Published = art.Published.UTC().Format(time.RFC3339)
	}
	if err != nil { // a later page failed: the pages before it are here
		out.Error = err.Error()
	}
	return json.Marshal(out)
}

// serverError marks the errors the server answers with a status of
// their own: a refused private address, and a URL that is no feed or no
// article.
func serverError(err error) error {
	switch {
	case errors.Is(err, fetch.ErrPrivateAddress):
		return fmt.Errorf("%w: %w", server.ErrRefused, err)
	case errors.Is(err, fetch.ErrNoFeed), errors.Is(err, feeds.ErrNotFeed), errors.Is(err, extract.ErrNoArticle):
		return fmt.Errorf("%w: %w", server.ErrNotFeed, err)
	}
	return err
}

// renderFeed renders feed in format: rss, atom or json.
func renderFeed(feed feeds.Feed, format string) ([]byte, string, error) {
	var b bytes.Buffer
	var err error
	ctype := "application/rss+xml; charset=utf-8"
	switch format {
	case "atom":
		ctype = "application/atom+xml; charset=utf-8"
		err = feeds.RenderAtom(&b, feed)
	case "json":
		ctype = "application/feed+json; charset=utf-8"
		err = feeds.RenderJSON(&b, feed)
	default:
		err = feeds.RenderRSS(&b, feed)
	}
	return b.Bytes(), ctype, err
}

// runFulltext is "refeed fulltext FEED-URL": the full-text version of any
// feed on stdout, for cron jobs, with the config's fetch settings and site
// rules when there is a config.
func runFulltext(ctx context.Context, env *env, args []string) error {
	fs := newFlagSet(env, "fulltext")
	var common commonFlags
	common.register(fs)
	format := fs.String("format", "rss", "output `format`: rss, atom or json")
	limit := fs.Int("limit", config.DefaultOnTheFlyMaxItems, "at most this many items, the newest, each with its article fetched")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return &usageError{errors.New("fulltext: want one FEED-URL")}
	}
	if *format != "rss" && *format != "atom" && *format != "json" {
		return &usageError{fmt.Errorf("fulltext: unknown --format %q (want rss, atom or json)", *format)}
	}
	if *limit < 1 {
		return &usageError{errors.New("fulltext: --limit must be at least 1")}
	}
	cfg, logger, err := fulltextConfig(env, &common, fs.Lookup("config").Value.String() != "sources.yaml")
	if err != nil {
		return err
	}
	sites, err := refresh.LoadSiteRules(cfg, logger)
	if err != nil {
		return err
	}
	client := fetch.New(refresh.FetchOptions(cfg), logger)
	defer client.Close()
	// The feed URL is the user's own, as a configured source's is: with no
	// guard of its own, the runner trusts its host and keeps the links in
	// the feed to the top-level allow_networks.
	feed, err := newOnTheFly(cfg, client, logger, sites, nil, nil).runner.FullTextFeed(ctx, fs.Arg(0), *limit)
	if err != nil {
		return fmt.Errorf("fulltext: %w", err)
	}
	body, _, err := renderFeed(feed, *format)
	if err != nil {
		return err
	}
	_, err = env.stdout.Write(body)
	return err
}

// fulltextConfig reads the config for "refeed fulltext": a missing
// sources.yaml, when --config was not given, means the defaults.
func fulltextConfig(env *env, common *commonFlags, explicit bool) (*config.Config, *slog.Logger, error) {
	if _, err := os.Stat(common.config); !explicit && errors.Is(err, fs.ErrNotExist) {
		logger, err := common.newLogger(env)
		return config.DefaultConfig(), logger, err
	}
	return common.setup(env)
}
