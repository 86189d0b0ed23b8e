package fetch

import (
	"bytes"
	"context"
	"log/slog"
	"net/url"
	"slices"
	"strings"

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
// JSON Feed), logs the choice, and returns the feed's response, whose URL is
// the feed's. The request's validators are sent to both. A page that links
// no feed gives ErrNoFeed. Callers should store Response.URL so later polls
// skip discovery.
func (c *Client) FetchFeed(ctx context.Context, req Request) (*Response, error) {
	req.Kind = KindFeed
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
	next := req
	next.URL = href
	feed, err := c.Fetch(ctx, next)
	if err != nil {
		return nil, err
	}
	if !feed.NotModified && isHTML(feed) {
		return nil, newError(href, ErrNoFeed, nil)
	}
	feed.Attempts += resp.Attempts
	feed.Duration += resp.Duration
	return feed, nil
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
			if u, err := base.Parse(href); err == nil {
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
