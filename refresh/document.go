package refresh

import (
	"context"
	"errors"

	"github.com/refeed/refeed/config"
	"github.com/refeed/refeed/fetch"
	"github.com/refeed/refeed/store"
)

// document is a source's feed or listing page as fetched, with what is
// needed to store its validators for the next conditional GET.
type document struct {
	resp *fetch.Response
	// key is what the validators are stored under: the source and the
	// URL requested next time (the discovered feed's, for a page that
	// links one); see validatorKey.
	key              string
	etag, lastModify string // the validators sent
}

// saveValidators stores the response's validators for the next poll.
func (d *document) saveValidators(ctx context.Context, st *store.Store) error {
	if d.resp.NotModified || (d.resp.ETag == "" && d.resp.LastModified == "" && d.etag == "" && d.lastModify == "") {
		return nil
	}
	return st.SaveValidators(ctx, d.key, d.resp.ETag, d.resp.LastModified)
}

// fetchDocument fetches a source conditionally: a listing page as a page
// (robots.txt applies), a feed through autodiscovery.
func (r *Runner) fetchDocument(ctx context.Context, src *config.Source) (*document, error) {
	target := src.URL
	if !src.IsPage() {
		found, err := r.store.DiscoveredFeed(ctx, src.URL)
		if err != nil {
			return nil, err
		}
		if found != "" {
			target = found
		}
	}
	doc := &document{key: validatorKey(src, target)}
	var err error
	if doc.etag, doc.lastModify, err = r.store.Validators(ctx, doc.key); err != nil {
		return nil, err
	}
	req := r.sourceRequest(src, target, doc.etag, doc.lastModify)
	start := r.now()
	if src.IsPage() {
		req.Kind = fetch.KindPage
		doc.resp, err = r.fetcher.Fetch(ctx, req)
	} else {
		doc.resp, err = r.fetcher.FetchFeed(ctx, req)
	}
	r.observeFetch("feed", doc.resp, err, r.now().Sub(start))
	if err != nil {
		r.forgetDiscovery(ctx, src, target, err)
		return nil, err
	}
	if doc.resp.DiscoveredFrom != "" {
		doc.key = validatorKey(src, doc.resp.URL)
		if err := r.store.SaveDiscoveredFeed(ctx, src.URL, doc.resp.URL); err != nil {
			return nil, err
		}
		r.log.Info("feed discovered", "source", src.Name, "page", src.URL, "feed_url", doc.resp.URL)
	}
	return doc, nil
}

// validatorKey is what a source's validators for url are stored under.
// They belong to the source, not the URL alone: when two sources read one
// URL (with different filters), the second would otherwise send the ETag
// the first stored and be answered 304 for a change it never saw.
func validatorKey(src *config.Source, url string) string {
	return src.Name + " " + url
}

// sourceRequest is the request for a source's document or one of its
// articles, with the source's overrides of the global fetch settings. Its
// Guard trusts the source's own host (the operator wrote its URL) and
// keeps every other URL it reaches (discovered feeds, article links,
// redirects) out of private networks but those in allow_networks.
func (r *Runner) sourceRequest(src *config.Source, target, etag, lastModified string) fetch.Request {
	req := fetch.Request{
		URL: target, Kind: fetch.KindFeed, ETag: etag, LastModified: lastModified,
		Guard:   fetch.GuardFor(src.URL, r.cfg.AllowNetworks, "allow_networks"),
		Charset: src.Charset, Headers: src.Headers, IgnoreRobots: !src.EffectiveRobots(r.cfg),
		Timeout: src.EffectiveTimeout(r.cfg), MaxBody: src.EffectiveMaxBody(r.cfg), Retries: noneIsOff(src.EffectiveRetries(r.cfg)),
	}
	if r.guard != nil {
		req.Guard = r.guard
	}
	return req
}

// forgetDiscovery drops a discovered feed URL that has gone away, so the
// next poll discovers again from the source's page.
func (r *Runner) forgetDiscovery(ctx context.Context, src *config.Source, feedURL string, failure error) {
	var he *fetch.HTTPError
	gone := errors.As(failure, &he) && (he.StatusCode == 404 || he.StatusCode == 410)
	if feedURL == src.URL || !(gone || errors.Is(failure, fetch.ErrNoFeed)) {
		return
	}
	if err := r.store.SaveDiscoveredFeed(ctx, src.URL, ""); err == nil {
		r.log.Warn("discovered feed is gone; will discover again", "source", src.Name, "feed_url", feedURL)
	}
}
