package fetch

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// feedTypes are the <link rel="alternate"> types autodiscovery follows, in
// order of preference.
var feedTypes = []string{
	"application/rss+xml",
	"application/atom+xml",
	"application/feed+json",
	"application/json",
	"application/rdf+xml",
	"text/xml",
	"application/xml",
}

// FetchFeed fetches a feed. When the URL returns an HTML page instead, it
// follows the page's <link rel="alternate"> to a feed (RSS, then Atom, then
// JSON Feed), logs the choice, and returns the feed's response: its URL is
// the feed's and DiscoveredFrom the page's. A page that links no feed gives
// ErrNoFeed. The discovered feed is the page's word, so it is fetched under
// req.Guard like every hop: give a source's request a Guard (see GuardFor)
// to keep a page's feed link out of private networks.
//
// The Client remembers discoveries, so later calls with the page URL go
// straight to the feed (and back to the page if the feed disappears). The
// request's validators are sent to whichever URL is fetched first, so
// callers that store validators should also store Response.URL when
// DiscoveredFrom is set and poll that URL, as validators belong to it.
func (c *Client) FetchFeed(ctx context.Context, req Request) (*Response, error) {
	req.Kind = KindFeed
	if feedURL, ok := c.discovered.get(req.URL); ok {
		resp, err := c.fetchDiscovered(ctx, req, feedURL)
		if !errors.Is(err, errRediscover) {
			return resp, err
		}
		c.discovered.forget(req.URL)
	}
	resp, err := c.Fetch(ctx, req)
	if err != nil || resp.NotModified || !isHTML(resp) {
		return resp, err
	}
	href := discoverFeed(resp.Body, resp.URL)
	if href == "" {
		return nil, newError(resp.URL, ErrNoFeed, nil)
	}
	c.logger.LogAttrs(ctx, slog.LevelInfo, "fetch: discovered feed",
		slog.String("page_url", resp.URL), slog.String("feed_url", href))
	feed, err := c.fetchDiscovered(ctx, req, href)
	if errors.Is(err, errRediscover) {
		return nil, newError(href, ErrNoFeed, nil)
	}
	if err != nil {
		return nil, err
	}
	c.discovered.put(req.URL, href)
	feed.Attempts += resp.Attempts
	feed.Duration += resp.Duration
	return feed, nil
}

// errRediscover means a discovered feed URL no longer serves a feed.
var errRediscover = errors.New("fetch: discovered feed is gone")

// fetchDiscovered fetches the feed found on the page req.URL.
func (c *Client) fetchDiscovered(ctx context.Context, req Request, feedURL string) (*Response, error) {
	next := req
	next.URL = feedURL
	feed, err := c.Fetch(ctx, next)
	var httpErr *HTTPError
	switch {
	case errors.As(err, &httpErr) && (httpErr.StatusCode == http.StatusNotFound || httpErr.StatusCode == http.StatusGone):
		return nil, errRediscover
	case err != nil:
		return nil, err
	case !feed.NotModified && isHTML(feed):
		return nil, errRediscover
	}
	feed.DiscoveredFrom = req.URL
	return feed, nil
}

// discoveries maps page URLs to the feed URLs found on them.
type discoveries struct {
	mu sync.Mutex
	m  map[string]string
}

func (d *discoveries) get(page string) (string, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	feed, ok := d.m[page]
	return feed, ok
}

func (d *discoveries) put(page, feed string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.m == nil {
		d.m = make(map[string]string)
	}
	d.m[page] = feed
}

func (d *discoveries) forget(page string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	delete(d.m, page)
}

// isHTML reports whether a response is an HTML page rather than a feed that
// a server labelled text/html.
func isHTML(resp *Response) bool {
	head := resp.Body[:min(len(resp.Body), prescanLimit)]
	if looksXML(head) {
		return false
	}
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	if len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') {
		return false
	}
	return strings.Contains(resp.MediaType, "html") ||
		bytes.Contains(bytes.ToLower(head), []byte("<html"))
}

// discoverFeed returns the absolute URL of the preferred feed linked from
// an HTML page, or "" when it links none.
func discoverFeed(page []byte, pageURL string) string {
	base, err := url.Parse(pageURL)
	if err != nil {
		return ""
	}
	found := map[string]string{} // type → first href of that type
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		t := z.Token()
		switch t.DataAtom {
		case atom.Base:
			if b, err := base.Parse(attr(t, "href")); err == nil && attr(t, "href") != "" {
				base = b
			}
		case atom.Link:
			addFeedLink(found, t)
		}
	}
	for _, typ := range feedTypes {
		if href, ok := found[typ]; ok {
			if u, err := base.Parse(href); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
				return u.String()
			}
		}
	}
	return ""
}

func addFeedLink(found map[string]string, t html.Token) {
	rels := strings.Fields(strings.ToLower(attr(t, "rel")))
	href := strings.TrimSpace(attr(t, "href"))
	if href == "" || !slices.Contains(rels, "alternate") {
		return
	}
	typ := strings.ToLower(strings.TrimSpace(attr(t, "type")))
	typ, _, _ = strings.Cut(typ, ";")
	if _, seen := found[typ]; !seen {
		found[typ] = href
	}
}

func attr(t html.Token, name string) string {
	for _, a := range t.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}
